import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAffiliateLoginInviteWorkflow } from "../workflows"

/**
 * An affiliate made without a login (by an admin) is emailed a login invite
 * (template option `notifications.loginInvite`), unless account sync will
 * make them a login and invite them itself. Sign-ups have a login and get
 * none; a repeated event sends nothing new (one automatic invite each).
 */
export default async function inviteAffiliateLoginHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateLoginInviteWorkflow(container).run({
    input: { affiliate_id: data.id, automatic: true },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.CREATED,
  context: { subscriberId: "affiliate-invite-login" },
}
