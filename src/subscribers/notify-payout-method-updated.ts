import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendAffiliateNotificationsWorkflow } from "../workflows"
import { payoutMethodUpdatedNotice } from "../workflows/affiliate-notification/notices/payout-method-updated"

/**
 * Tells the affiliate their payout method changed (template option
 * `notifications.payoutMethodUpdated`), whoever changed it.
 */
export default async function notifyPayoutMethodUpdatedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await sendAffiliateNotificationsWorkflow(container).run({
    input: { notice: payoutMethodUpdatedNotice.id, id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: payoutMethodUpdatedNotice.event,
  context: { subscriberId: "affiliate-notify-payout-method-updated" },
}
