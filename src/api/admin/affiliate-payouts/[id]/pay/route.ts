import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { sendPayoutToProviderWorkflow } from "../../../../../workflows"
import { retrievePayout } from "../../helpers"
import type { AdminPayAffiliatePayoutType } from "../../validators"

/** Sends a draft payout to a payout provider; it becomes processing with the provider's reference. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPayAffiliatePayoutType>,
  res: MedusaResponse
) => {
  // A 404 for an unknown payout before the workflow runs.
  await retrievePayout(req.scope, req.params.id)
  await sendPayoutToProviderWorkflow(req.scope).run({
    input: { id: req.params.id, provider_id: req.validatedBody.provider_id },
  })
  res.json({ affiliate_payout: await retrievePayout(req.scope, req.params.id) })
}
