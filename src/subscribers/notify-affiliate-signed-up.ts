import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAffiliateNotificationsWorkflow } from "../workflows"

/**
 * Tells the store owner that someone signed up as an affiliate (template
 * option `notifications.affiliateSignedUp`).
 */
export default async function notifyAffiliateSignedUpHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: "affiliate_signed_up", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.SIGNED_UP,
  context: { subscriberId: "affiliate-notify-affiliate-signed-up" },
}
