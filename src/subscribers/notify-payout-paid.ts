import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { payoutPaidNotice } from "../workflows/affiliate-notification/notices/payout-paid"

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
    input: { notice: payoutPaidNotice.id, id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: payoutPaidNotice.event,
  context: { subscriberId: "affiliate-notify-payout-paid" },
}
