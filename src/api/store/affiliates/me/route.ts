import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { setAffiliatePayoutMethodWorkflow } from "../../../../workflows"
import { retrieveAffiliateProfile } from "../helpers"
import type { StoreUpdateAffiliateType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate: await retrieveAffiliateProfile(req.scope, req.auth_context.actor_id) })
}

/** Sets how the signed-in affiliate is paid. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateAffiliateType>,
  res: MedusaResponse
) => {
  const { payout_method, payout_details } = req.validatedBody
  await setAffiliatePayoutMethodWorkflow(req.scope).run({
    input: {
      affiliate_id: req.auth_context.actor_id,
      payout_method,
      payout_details: payout_details ?? null,
    },
  })
  res.json({ affiliate: await retrieveAffiliateProfile(req.scope, req.auth_context.actor_id) })
}
