import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { loginInviteNotice } from "../../affiliate-notification/notices/login-invite"
import { sendAffiliateNotificationsWorkflow } from "../../affiliate-notification/workflows/send-affiliate-notifications"
import { createLoginInviteStep } from "../steps/create-login-invite"
import {
  validateLoginInviteStep,
  type ValidateLoginInviteStepInput,
} from "../steps/validate-login-invite"

export type SendAffiliateLoginInviteWorkflowInput = ValidateLoginInviteStepInput

export const sendAffiliateLoginInviteWorkflowId = "send-affiliate-login-invite"

/** The lock of an affiliate's login invite: a re-send and an automatic send do not interleave. */
export const loginInviteLockKey = (affiliateId: string) => `affiliate-login-invite:${affiliateId}`

/**
 * Invites an affiliate without a login (an admin made them) to claim one:
 * a new token, valid for 7 days and once, replacing any earlier invite, is
 * emailed to the affiliate (notice `login_invite`, template option
 * `notifications.loginInvite`); the row keeps only its hash. With an
 * emailpass login of that email (registered, or the one they have) and the
 * token, `POST /store/affiliates/claim` ties the login to the affiliate.
 * Returns when the invite expires and was sent, or null when an automatic
 * invite was not sent (see the validation step).
 */
export const sendAffiliateLoginInviteWorkflow = createWorkflow(
  sendAffiliateLoginInviteWorkflowId,
  (input: WorkflowData<SendAffiliateLoginInviteWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => loginInviteLockKey(input.affiliate_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const check = validateLoginInviteStep(input)

    const invite = when("send-login-invite", { check }, ({ check }) => check.send).then(() => {
      const created = createLoginInviteStep({ affiliate_id: input.affiliate_id, email: check.email })
      sendAffiliateNotificationsWorkflow.runAsStep({
        input: transform({ input, created }, ({ input, created }) => ({
          notice: loginInviteNotice.id,
          id: input.affiliate_id,
          payload: { token: created.token },
        })),
      })
      return created
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(
      transform({ invite }, ({ invite }) =>
        invite ? { expires_at: invite.expires_at, sent_at: invite.sent_at } : null
      )
    )
  }
)
