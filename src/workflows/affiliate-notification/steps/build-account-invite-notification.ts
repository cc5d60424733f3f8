import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { EMAIL_CHANNEL, plainText } from "../../utils/email-notifications"

export type BuildAccountInviteNotificationStepInput = {
  affiliate_id: string
  /** The login the invite sets a password for: the notification's resource. */
  auth_identity_id: string
  email: string
  idempotency_key: string
  /** The password-reset token's id and expiry, from the auth module. */
  jti: string
  expires_at: string
  ttl_seconds: number
}

/** The invite's `trigger_type`: it is sent by account sync, not by an event. */
export const ACCOUNT_INVITE_TRIGGER = "affiliate.account_invite"

export const buildAccountInviteNotificationStepId = "build-account-invite-notification"

/**
 * The set-password invite: a reset token for the affiliate's store login
 * (the token `POST /auth/customer/emailpass/update` takes, as Medusa's own
 * reset-password flow signs it) and the link to the storefront page that
 * uses it. The token is only ever handed to the notification.
 */
export const buildAccountInviteNotificationStep = createStep(
  buildAccountInviteNotificationStepId,
  async (input: BuildAccountInviteNotificationStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const { accountInvite } = await service.retrieveNotificationOptions()
    const affiliate = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "name", "code"],
    })
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const token = generateJwtToken(
      { entity_id: input.email, provider: "emailpass", actor_type: "customer", purpose: "reset" },
      {
        secret: http.jwtSecret,
        expiresIn: `${input.ttl_seconds}s`,
        jwtOptions: { ...http.jwtOptions, jwtid: input.jti },
      }
    )
    const notification: CreateNotificationDTO = {
      to: input.email,
      receiver_id: affiliate.id,
      channel: EMAIL_CHANNEL,
      template: accountInvite || null,
      data: {
        affiliate: { id: affiliate.id, name: plainText(affiliate.name), code: affiliate.code },
        email: input.email,
        token,
        set_password_url: await service.buildSetPasswordLink(token, input.email),
        expires_at: input.expires_at,
      },
      trigger_type: ACCOUNT_INVITE_TRIGGER,
      resource_id: input.auth_identity_id,
      resource_type: "auth_identity",
      idempotency_key: input.idempotency_key,
    }
    return new StepResponse(notification)
  }
)
