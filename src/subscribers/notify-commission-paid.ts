import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { commissionPaidNotice } from "../workflows/affiliate-notification/notices/commission-paid"

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
    input: { notice: commissionPaidNotice.id, id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: commissionPaidNotice.event,
  context: { subscriberId: "affiliate-notify-commission-paid" },
}
