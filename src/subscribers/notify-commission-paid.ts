import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAffiliateNotificationsWorkflow } from "../workflows"

/**
 * Tells the affiliate a commission was paid (template option
 * `notifications.commissionPaid`). The event also reports approvals and
 * rejections: only a commission that is paid now is news.
 */
export default async function notifyCommissionPaidHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: "commission_paid", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.COMMISSION_UPDATED,
  context: { subscriberId: "affiliate-notify-commission-paid" },
}
