import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  releaseLockStep,
  sendNotificationsStep,
} from "@medusajs/medusa/core-flows"
import {
  type AccountInviteInput,
  accountInviteKey,
  createAccountInviteNotificationsStep,
} from "../steps/create-account-invite-notifications"
import { findSentInvitesStep } from "../steps/find-sent-invites"

export type SendAffiliateAccountInvitesWorkflowInput = { invites: AccountInviteInput[] }

export const sendAffiliateAccountInvitesWorkflowId = "send-affiliate-account-invites"

/**
 * Sends the set-password invites for logins account sync made, through the
 * Notification Module (template option `notifications.accountInvite`), with
 * tokens valid for 7 days. Once per login: an invite already sent is found
 * before a new token is made — a new token would void the one in the sent
 * email — and a lock on the logins' keys makes a concurrent sync wait for
 * this one. A login made again (a batch undone and redone) gets its own
 * invite. Emits no `auth.password_reset`, so the store's "forgot password"
 * email does not go out beside it. Returns the notifications sent.
 */
export const sendAffiliateAccountInvitesWorkflow = createWorkflow(
  sendAffiliateAccountInvitesWorkflowId,
  (input: WorkflowData<SendAffiliateAccountInvitesWorkflowInput>) => {
    const keys = transform({ input }, ({ input }) => input.invites.map(accountInviteKey))
    acquireLockStep({ key: keys, timeout: 30, ttl: 60 })
    const sentLogins = findSentInvitesStep(
      transform({ input }, ({ input }) => ({
        auth_identity_ids: input.invites.map((invite) => invite.auth_identity_id),
      }))
    )
    const unsent = transform({ input, sentLogins }, ({ input, sentLogins }) =>
      input.invites.filter((invite) => !sentLogins.includes(invite.auth_identity_id))
    )

    const sent = when("send-invites-not-yet-sent", { unsent }, ({ unsent }) => unsent.length > 0).then(
      () => {
        const notifications = createAccountInviteNotificationsStep({ invites: unsent })
        return sendNotificationsStep(notifications)
      }
    )

    releaseLockStep({ key: keys })
    return new WorkflowResponse(
      transform({ sent }, ({ sent }) => (sent ?? []).map((notification) => notification.id))
    )
  }
)
