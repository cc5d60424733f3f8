import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordPaymentRefundWorkflow } from "../workflows"

/** A refund reduces the order's commission pro-rata. */
export default async function paymentRefundedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordPaymentRefundWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "affiliate-record-payment-refund" },
}
