import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const linkClaimedLoginStepId = "link-claimed-affiliate-login"

/**
 * Records the login as the affiliate's own and uses the invite up (its hash
 * and expiry cleared; when it was sent stays). Compensation restores both.
 */
export const linkClaimedLoginStep = createStep(
  linkClaimedLoginStepId,
  async (input: { affiliate_id: string; auth_identity_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "auth_identity_id", "login_invite_token_hash", "login_invite_expires_at"],
    })
    await service.updateAffiliates({
      id: input.affiliate_id,
      auth_identity_id: input.auth_identity_id,
      login_invite_token_hash: null,
      login_invite_expires_at: null,
    })
    return new StepResponse(void 0, {
      id: previous.id,
      auth_identity_id: previous.auth_identity_id,
      login_invite_token_hash: previous.login_invite_token_hash,
      login_invite_expires_at: previous.login_invite_expires_at,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates(previous)
  }
)
