import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { sendAffiliateNotificationsWorkflow } from "../workflows"

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
    input: { notice: "commission_earned", id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.COMMISSION_CREATED,
  context: { subscriberId: "affiliate-notify-commission-earned" },
}
