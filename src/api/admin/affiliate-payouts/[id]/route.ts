import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updatePayoutStatusWorkflow } from "../../../../workflows"
import { retrievePayout } from "../helpers"
import type { AdminUpdateAffiliatePayoutType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate_payout: await retrievePayout(req.scope, req.params.id) })
}

/** Mark processing, paid, failed or canceled. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliatePayoutType>,
  res: MedusaResponse
) => {
  // A 404 for an unknown payout before the workflow runs.
  await retrievePayout(req.scope, req.params.id)
  await updatePayoutStatusWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id },
  })
  res.json({ affiliate_payout: await retrievePayout(req.scope, req.params.id) })
}
