import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { canSendEmail } from "../../utils/email-notifications"
import { findStoreAccountsByEmail } from "../../utils/store-accounts"

export type ValidateLoginInviteStepInput = {
  affiliate_id: string
  /**
   * Sent on its own (an admin created the affiliate) rather than asked for:
   * whatever rules it out is no error, only a reason not to send, and an
   * affiliate gets one automatic invite at most.
   */
  automatic?: boolean
}

export const validateLoginInviteStepId = "validate-affiliate-login-invite"

/**
 * Whether the affiliate gets a login invite: only one without a login, not
 * blocked, when the store can send it. Asked for by an admin, anything else is
 * a 400 that says why (a missing affiliate a 404). Sent automatically, it is
 * also left to account sync when sync will make the affiliate a login (on,
 * approved, and nobody has an account with the email), so nobody gets two
 * invites. Read-only.
 */
export const validateLoginInviteStep = createStep(
  validateLoginInviteStepId,
  async (input: ValidateLoginInviteStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates(
      { id: input.affiliate_id },
      { select: ["id", "email", "status", "auth_identity_id", "login_invite_sent_at"], take: 1 }
    )
    if (!affiliate) {
      // Deleted before an automatic invite went out: nobody to invite.
      if (input.automatic) {
        return new StepResponse({ send: false, email: "" })
      }
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${input.affiliate_id} was not found`)
    }
    const { loginInvite } = (await service.retrieveOptions()).notifications
    const refusal = affiliate.auth_identity_id
      ? "This affiliate already has a login: they log in with its email and password, " +
        "or set a new password with forgot password (POST /auth/affiliate/emailpass/reset-password)"
      : affiliate.status === "blocked"
        ? "This affiliate is blocked: unblock them before inviting them to log in"
        : loginInvite === false
          ? "Login invites are turned off (the plugin option notifications.loginInvite is false)"
          : !canSendEmail(container)
            ? "Login invites cannot be sent: the store has no email provider (a Notification Module provider for the email channel)"
            : null
    if (!input.automatic) {
      if (refusal) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
      }
      return new StepResponse({ send: true, email: affiliate.email })
    }
    if (refusal || affiliate.login_invite_sent_at) {
      return new StepResponse({ send: false, email: affiliate.email })
    }
    const { account_sync } = await service.retrieveEffectiveSettings()
    const syncMakesLogin =
      account_sync.enabled &&
      affiliate.status === "approved" &&
      !(await findStoreAccountsByEmail(container, [affiliate.email])).has(affiliate.email)
    return new StepResponse({ send: !syncMakesLogin, email: affiliate.email })
  }
)
