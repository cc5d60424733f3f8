import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import {
  LOGIN_INVITE_TTL_MS,
  loginInviteHash,
  newLoginInviteToken,
} from "../../../modules/affiliate/utils/login-invite"

export const createLoginInviteStepId = "create-affiliate-login-invite"

/**
 * A new login invite for the affiliate, replacing any earlier one (whose
 * token then opens nothing): the row keeps only the token's hash, bound to
 * `email`, and when it expires (7 days) and was sent. The token itself is
 * only handed to the notification. Compensation restores the earlier invite.
 */
export const createLoginInviteStep = createStep(
  createLoginInviteStepId,
  async (input: { affiliate_id: string; email: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "login_invite_token_hash", "login_invite_expires_at", "login_invite_sent_at"],
    })
    const token = newLoginInviteToken()
    const sentAt = new Date()
    const expiresAt = new Date(sentAt.getTime() + LOGIN_INVITE_TTL_MS)
    await service.updateAffiliates({
      id: input.affiliate_id,
      login_invite_token_hash: loginInviteHash(input.email, token),
      login_invite_expires_at: expiresAt,
      login_invite_sent_at: sentAt,
    })
    return new StepResponse(
      { token, expires_at: expiresAt.toISOString(), sent_at: sentAt.toISOString() },
      {
        id: previous.id,
        login_invite_token_hash: previous.login_invite_token_hash,
        login_invite_expires_at: previous.login_invite_expires_at,
        login_invite_sent_at: previous.login_invite_sent_at,
      }
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates(previous)
  }
)
