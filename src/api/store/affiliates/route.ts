import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createAffiliateAccountWorkflow } from "../../../workflows"
import { retrieveAffiliateProfile } from "./helpers"
import type { StoreCreateAffiliateType } from "./validators"

/**
 * Sign-up: with the token of `POST /auth/affiliate/emailpass/register` (or of
 * a store customer's own login), creates the affiliate for that identity.
 * Log in again afterwards (`/auth/affiliate/emailpass`) for a token that
 * carries the affiliate.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateAffiliateType>,
  res: MedusaResponse
) => {
  const { result } = await createAffiliateAccountWorkflow(req.scope).run({
    input: { ...req.validatedBody, auth_identity_id: req.auth_context.auth_identity_id! },
  })
  res.status(200).json({ affiliate: await retrieveAffiliateProfile(req.scope, result.id) })
}
