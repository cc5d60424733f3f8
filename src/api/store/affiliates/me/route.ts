import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  PAYOUT_METHOD_SET_BY_AFFILIATE,
  setAffiliatePayoutMethodWorkflow,
  updateAffiliateWorkflow,
} from "../../../../workflows"
import { retrieveAffiliateProfile } from "../helpers"
import type { StoreUpdateAffiliateType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate: await retrieveAffiliateProfile(req.scope, req.auth_context.actor_id) })
}

/** Edits the signed-in affiliate's profile: their name, their website, how they are paid. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateAffiliateType>,
  res: MedusaResponse
) => {
  const affiliateId = req.auth_context.actor_id
  const { name, website, payout } = req.validatedBody
  if (name !== undefined || website !== undefined) {
    const update = { ...(name !== undefined && { name }), ...(website !== undefined && { website }) }
    await updateAffiliateWorkflow(req.scope).run({ input: { id: affiliateId, update } })
  }
  if (payout) {
    await setAffiliatePayoutMethodWorkflow(req.scope).run({
      input: { affiliate_id: affiliateId, ...payout, updated_by: PAYOUT_METHOD_SET_BY_AFFILIATE },
    })
  }
  res.json({ affiliate: await retrieveAffiliateProfile(req.scope, affiliateId) })
}
