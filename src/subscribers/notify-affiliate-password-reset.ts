import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { passwordResetNotice } from "../workflows/affiliate-notification/notices/password-reset"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/**
 * "Forgot password" of an affiliate login (`POST /auth/affiliate/emailpass/reset-password`):
 * emails Medusa's reset token (template option `notifications.passwordReset`).
 * Other actor types are the store's own reset emails.
 */
export default async function notifyAffiliatePasswordResetHandler({
  event: { data },
  container,
}: SubscriberArgs<PasswordResetEvent>) {
  if (data.actor_type !== "affiliate") {
    return
  }
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: passwordResetNotice.id, id: data.entity_id, payload: { token: data.token } },
  })
}

export const config: SubscriberConfig = {
  event: passwordResetNotice.event,
  context: { subscriberId: "affiliate-notify-password-reset" },
}
