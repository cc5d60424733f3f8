import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { affiliateApprovedNotice } from "../workflows/affiliate-notification/notices/affiliate-approved"

/**
 * Emails the approved affiliate their referral link (template option
 * `notifications.affiliateApproved`). Sent once per affiliate.
 */
export default async function notifyAffiliateApprovedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: affiliateApprovedNotice.id, id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: affiliateApprovedNotice.event,
  context: { subscriberId: "affiliate-notify-affiliate-approved" },
}
