import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateCommissionStatusesWorkflow } from "../../../../workflows"
import { refetchCommissions } from "../helpers"
import type { AdminBatchUpdateAffiliateCommissionsType } from "../validators"

/** The same status change for several commissions: all of them or none. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBatchUpdateAffiliateCommissionsType>,
  res: MedusaResponse
) => {
  await updateCommissionStatusesWorkflow(req.scope).run({ input: req.validatedBody })
  const affiliate_commissions = await refetchCommissions(
    req.validatedBody.ids,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ affiliate_commissions })
}
