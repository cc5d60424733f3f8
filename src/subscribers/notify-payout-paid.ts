import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAffiliateNotificationsWorkflow } from "../workflows"

/**
 * Tells the affiliate a payout was paid (template option
 * `notifications.payoutPaid`): one message for the payout, not one per
 * commission in it.
 */
export default async function notifyPayoutPaidHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: "payout_paid", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.PAYOUT_PAID,
  context: { subscriberId: "affiliate-notify-payout-paid" },
}
