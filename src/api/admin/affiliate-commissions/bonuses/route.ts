import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createAffiliateBonusWorkflow } from "../../../../workflows"
import { refetchCommission } from "../helpers"
import type { AdminCreateAffiliateBonusType } from "../validators"

/**
 * A one-off bonus (positive `amount`) or deduction (negative) for an
 * affiliate, with a note: `{ commission }`, approved, without an order.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateBonusType>,
  res: MedusaResponse
) => {
  const { result } = await createAffiliateBonusWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.json({ commission: await refetchCommission(result.id, req.scope, req.queryConfig.fields) })
}
