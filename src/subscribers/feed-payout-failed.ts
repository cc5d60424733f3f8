import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAdminFeedNotificationWorkflow } from "../workflows"

/** A failed payout in the admin's notification bell: someone has to pay it another way. */
export default async function feedPayoutFailedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAdminFeedNotificationWorkflow(container).run({
    input: { item: "payout_failed", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.PAYOUT_FAILED,
  context: { subscriberId: "affiliate-feed-payout-failed" },
}
