import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAffiliateNotificationsWorkflow } from "../workflows"

/**
 * Emails the approved affiliate their referral link (template option
 * `notifications.affiliateApproved`). Sent once per affiliate.
 */
export default async function notifyAffiliateApprovedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: "affiliate_approved", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.APPROVED,
  context: { subscriberId: "affiliate-notify-affiliate-approved" },
}
