import { model } from "@medusajs/framework/utils"
import Affiliate from "./affiliate"
import AffiliatePayoutBatch from "./affiliate-payout-batch"
import AffiliatePayoutItem from "./affiliate-payout-item"
import { PAYOUT_METHODS } from "./payout-method"

export const PAYOUT_STATUSES = ["draft", "processing", "paid", "failed", "canceled"] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

/** Payouts whose items are still held: their commissions are in no other payout. */
export const ACTIVE_PAYOUT_STATUSES: PayoutStatus[] = ["draft", "processing", "paid"]

/**
 * What one affiliate is paid in one currency, in one batch: the sum of its
 * items. Its id is the stable reference a payment provider can use as its
 * idempotency key.
 */
const AffiliatePayout = model
  .define("affiliate_payout", {
    id: model.id({ prefix: "affpo" }).primaryKey(),
    batch: model.belongsTo(() => AffiliatePayoutBatch, { mappedBy: "payouts" }),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "payouts" }),
    currency_code: model.text(),
    amount: model.bigNumber(),
    status: model.enum([...PAYOUT_STATUSES]).default("draft"),
    // The payout provider that was asked to pay it (`manual` for by hand).
    provider_id: model.text().nullable(),
    // What the payment provider calls it (a PayPal batch id, a transfer id).
    provider_reference: model.text().nullable(),
    // Why it failed or was canceled, in the admin's words.
    reason: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    // Where to pay, copied from the affiliate when the batch was made: what
    // the payment file, the provider and the admin use, whatever the
    // affiliate changes afterwards.
    payout_method: model.enum([...PAYOUT_METHODS]).nullable(),
    payout_details: model.json().nullable(),
    items: model.hasMany(() => AffiliatePayoutItem, { mappedBy: "payout" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["affiliate_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["batch_id"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
  ])

export default AffiliatePayout
