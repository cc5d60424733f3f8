import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { commissionEarnedNotice } from "../workflows/affiliate-notification/notices/commission-earned"

/**
 * Tells the affiliate about the commission an order earned them (template
 * option `notifications.commissionEarned`); a rejected one (self-referral,
 * canceled order) is not news.
 */
export default async function notifyCommissionEarnedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: commissionEarnedNotice.id, id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: commissionEarnedNotice.event,
  context: { subscriberId: "affiliate-notify-commission-earned" },
}
