import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { moveAffiliatesToProgramWorkflow } from "../../../../../workflows"
import type { AdminMoveAffiliatesToProgramType } from "../../validators"

/** Moves affiliates into the program: all of them, or none when an id is unknown. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminMoveAffiliatesToProgramType>,
  res: MedusaResponse
) => {
  const { result } = await moveAffiliatesToProgramWorkflow(req.scope).run({
    input: { program_id: req.params.id, affiliate_ids: req.validatedBody.affiliate_ids },
  })
  res.json(result)
}
