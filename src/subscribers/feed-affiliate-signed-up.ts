import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAdminFeedNotificationWorkflow } from "../workflows"

/** A sign-up in the admin's notification bell, beside the email to the store owner. */
export default async function feedAffiliateSignedUpHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAdminFeedNotificationWorkflow(container).run({
    input: { item: "affiliate_signed_up", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.SIGNED_UP,
  context: { subscriberId: "affiliate-feed-signed-up" },
}
