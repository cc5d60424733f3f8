import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { claimAffiliateLoginWorkflow } from "../../../../workflows"
import { retrieveAffiliateProfile } from "../helpers"
import type { StoreClaimAffiliateType } from "../validators"

/**
 * Claims the affiliate an admin made, with the login invite emailed to them
 * and the token of an emailpass login with that email. Refresh the token
 * (`POST /auth/token/refresh`) afterwards for one that carries the affiliate.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreClaimAffiliateType>,
  res: MedusaResponse
) => {
  const { result: affiliateId } = await claimAffiliateLoginWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, auth_identity_id: req.auth_context.auth_identity_id! },
  })
  res.json({ affiliate: await retrieveAffiliateProfile(req.scope, affiliateId) })
}
