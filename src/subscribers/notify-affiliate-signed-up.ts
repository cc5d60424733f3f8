import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { affiliateSignedUpNotice } from "../workflows/affiliate-notification/notices/affiliate-signed-up"

/**
 * Tells the store owner that someone signed up as an affiliate (template
 * option `notifications.affiliateSignedUp`).
 */
export default async function notifyAffiliateSignedUpHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: affiliateSignedUpNotice.id, id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: affiliateSignedUpNotice.event,
  context: { subscriberId: "affiliate-notify-affiliate-signed-up" },
}
