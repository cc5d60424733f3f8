import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createPasswordResetTokenStep,
  releaseLockStep,
  sendNotificationsStep,
} from "@medusajs/medusa/core-flows"
import {
  ACCOUNT_INVITE_TRIGGER,
  buildAccountInviteNotificationStep,
} from "../steps/build-account-invite-notification"
import { findSentNotificationStep } from "../steps/find-sent-notification"

export type SendAffiliateAccountInviteWorkflowInput = {
  affiliate_id: string
  /** The login account sync made for the affiliate (emailpass, no password yet). */
  auth_identity_id: string
  email: string
}

/** An invite is an email someone may open days later: Medusa's reset tokens live 15 minutes. */
export const ACCOUNT_INVITE_TTL_SECONDS = 7 * 24 * 60 * 60

export const sendAffiliateAccountInviteWorkflowId = "send-affiliate-account-invite"

/**
 * Sends the set-password invite for a login account sync made, through the
 * Notification Module (template option `notifications.accountInvite`), with
 * a token valid for 7 days. Once per login: the idempotency key names the
 * affiliate and the login, and an invite already sent is found before a new
 * token is made — a new token would void the one in the sent email. A login
 * made again (a batch undone and redone) gets its own invite. Emits no
 * `auth.password_reset`, so the store's "forgot password" email does not go
 * out beside it.
 */
export const sendAffiliateAccountInviteWorkflow = createWorkflow(
  sendAffiliateAccountInviteWorkflowId,
  (input: WorkflowData<SendAffiliateAccountInviteWorkflowInput>) => {
    const key = transform(
      { input },
      ({ input }) => `affiliate-notice:account_invite:${input.affiliate_id}:${input.auth_identity_id}`
    )
    acquireLockStep({ key, timeout: 30, ttl: 60 })
    const alreadySent = findSentNotificationStep(
      transform({ input }, ({ input }) => ({
        trigger_type: ACCOUNT_INVITE_TRIGGER,
        resource_id: input.auth_identity_id,
      }))
    )

    const sent = when("send-invite-not-yet-sent", { alreadySent }, ({ alreadySent }) => !alreadySent).then(() => {
      const resetToken = createPasswordResetTokenStep({
        entityId: input.email,
        provider: "emailpass",
        ttlSeconds: ACCOUNT_INVITE_TTL_SECONDS,
      })
      const notification = buildAccountInviteNotificationStep(
        transform({ input, key, resetToken }, ({ input, key, resetToken }) => ({
          affiliate_id: input.affiliate_id,
          auth_identity_id: input.auth_identity_id,
          email: input.email,
          idempotency_key: key,
          jti: resetToken.jti,
          expires_at: resetToken.expiresAt,
          ttl_seconds: ACCOUNT_INVITE_TTL_SECONDS,
        }))
      )
      return sendNotificationsStep(transform({ notification }, ({ notification }) => [notification]))
    })

    releaseLockStep({ key })
    return new WorkflowResponse(transform({ sent }, ({ sent }) => (sent ?? []).length > 0))
  }
)
