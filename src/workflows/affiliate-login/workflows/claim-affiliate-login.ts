import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { tieIdentityToAffiliateStep } from "../../affiliate-account/steps/tie-identity-to-affiliate"
import { linkClaimedLoginStep } from "../steps/link-claimed-login"
import {
  validateLoginClaimStep,
  type ValidateLoginClaimStepInput,
} from "../steps/validate-login-claim"
import { loginInviteLockKey } from "./send-affiliate-login-invite"

export type ClaimAffiliateLoginWorkflowInput = ValidateLoginClaimStepInput

export const claimAffiliateLoginWorkflowId = "claim-affiliate-login"

/**
 * Ties an emailpass login to the affiliate whose login invite it presents
 * (see the validation step): the affiliate records the login, the login's
 * `app_metadata.affiliate_id` names the affiliate, and the invite is used up.
 * Two claims with one token, or a claim and a new invite, wait for each other
 * on the invite's lock, so only the first claim succeeds. Returns the affiliate's id; a new token (refresh or log in) then
 * carries it.
 */
export const claimAffiliateLoginWorkflow = createWorkflow(
  claimAffiliateLoginWorkflowId,
  (input: WorkflowData<ClaimAffiliateLoginWorkflowInput>) => {
    // Checked once to find the affiliate, and again under its invite's lock,
    // which a second claim or a re-sent invite waits for.
    const target = validateLoginClaimStep(input)
    const lockKey = transform({ target }, ({ target }) => loginInviteLockKey(target.affiliate_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const { affiliate_id } = validateLoginClaimStep(input).config({
      name: "validate-affiliate-login-claim-locked",
    })
    linkClaimedLoginStep({ affiliate_id, auth_identity_id: input.auth_identity_id })
    tieIdentityToAffiliateStep({ auth_identity_id: input.auth_identity_id, affiliate_id })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(affiliate_id)
  }
)
