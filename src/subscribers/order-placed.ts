import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { creditOrder } from "../workflows"

/**
 * Credits the new order to its affiliate. Safe to receive twice: the
 * workflow decides each order once. If this fails, the reconciliation job
 * credits the order later.
 */
export default async function orderPlacedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await creditOrder(container, data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "affiliate-credit-order" },
}
