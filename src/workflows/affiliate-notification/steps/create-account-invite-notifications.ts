import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { EMAIL_CHANNEL, plainText } from "../../utils/email-notifications"
import { emailContent } from "../notices/email-content"
import { tokenLink } from "../../../modules/affiliate/utils/links"

export type AccountInviteInput = {
  affiliate_id: string
  /** The login account sync made for the affiliate (emailpass, no password yet). */
  auth_identity_id: string
  email: string
}

/** The invites' `trigger_type`: account sync sends them, not an event. */
export const ACCOUNT_INVITE_TRIGGER = "affiliate.account_invite"

/** An invite is an email someone may open days later: Medusa's reset tokens live 15 minutes. */
export const ACCOUNT_INVITE_TTL_SECONDS = 7 * 24 * 60 * 60

/** The idempotency key of a login's invite: one per login, so a login made again gets its own. */
export function accountInviteKey(invite: AccountInviteInput) {
  return `affiliate-notice:account_invite:${invite.affiliate_id}:${invite.auth_identity_id}`
}

export const createAccountInviteNotificationsStepId = "create-account-invite-notifications"

/**
 * The set-password invites: for each login, a reset token (the one
 * `POST /auth/customer/emailpass/update` takes, signed as Medusa's own
 * reset-password flow signs it, but valid for 7 days) and the link to the
 * storefront page that uses it. The tokens are only ever handed to the
 * notifications; undone, the step uses them up so they open nothing.
 */
export const createAccountInviteNotificationsStep = createStep(
  createAccountInviteNotificationsStepId,
  async (input: { invites: AccountInviteInput[] }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const auth = container.resolve(Modules.AUTH)
    const options = await service.retrieveOptions()
    const { accountInvite } = options.notifications
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const affiliates = new Map(
      (
        await service.listAffiliates(
          { id: input.invites.map((invite) => invite.affiliate_id) },
          { select: ["id", "name", "code"] }
        )
      ).map((affiliate) => [affiliate.id, affiliate])
    )

    const notifications: CreateNotificationDTO[] = []
    const issued: { jti: string; entity_id: string }[] = []
    for (const invite of input.invites) {
      const affiliate = affiliates.get(invite.affiliate_id)
      if (!affiliate) {
        continue
      }
      const { jti, expires_at } = await auth.createPasswordResetToken({
        provider: "emailpass",
        entity_id: invite.email,
        ttl_seconds: ACCOUNT_INVITE_TTL_SECONDS,
      })
      issued.push({ jti, entity_id: invite.email })
      const token = generateJwtToken(
        { entity_id: invite.email, provider: "emailpass", actor_type: "customer", purpose: "reset" },
        {
          secret: http.jwtSecret,
          expiresIn: `${ACCOUNT_INVITE_TTL_SECONDS}s`,
          jwtOptions: { ...http.jwtOptions, jwtid: jti },
        }
      )
      const setPasswordUrl = tokenLink("set_password", options, token, invite.email)
      notifications.push({
        to: invite.email,
        receiver_id: affiliate.id,
        channel: EMAIL_CHANNEL,
        template: accountInvite || null,
        data: {
          affiliate: { id: affiliate.id, name: plainText(affiliate.name), code: affiliate.code },
          email: invite.email,
          token,
          set_password_url: setPasswordUrl,
          expires_at: new Date(expires_at).toISOString(),
        },
        content: emailContent("Your store account is ready", [
          `Hi ${plainText(affiliate.name)},`,
          `As an affiliate you now have an account in the store too, with the email ${invite.email}. ` +
            "Choose its password within 7 days to log in.",
          setPasswordUrl ? { link: setPasswordUrl, label: "Choose my password" } : `Your code: ${token}`,
        ]),
        trigger_type: ACCOUNT_INVITE_TRIGGER,
        resource_id: invite.auth_identity_id,
        resource_type: "auth_identity",
        idempotency_key: accountInviteKey(invite),
      })
    }
    return new StepResponse(notifications, issued)
  },
  async (issued, { container }) => {
    if (!issued?.length) {
      return
    }
    const auth = container.resolve(Modules.AUTH)
    for (const { jti, entity_id } of issued) {
      await auth.consumePasswordResetToken({ jti, provider: "emailpass", entity_id })
    }
  }
)
