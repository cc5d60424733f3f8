import { model } from "@medusajs/framework/utils"
import type { CommissionLine, TierUsed } from "../utils/commission-rules"
import Affiliate from "./affiliate"
import AffiliateCommissionAdjustment from "./affiliate-commission-adjustment"

export const COMMISSION_STATUSES = ["pending", "approved", "paid", "rejected"] as const
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number]

/**
 * How a commission came to be: the order's attribution, or `manual`: an
 * admin credited the order by hand, or gave a bonus or a deduction (no order).
 */
export const ATTRIBUTIONS = ["connection", "coupon", "link", "manual"] as const
export type CommissionAttribution = (typeof ATTRIBUTIONS)[number]

/** Why a commission waits for the admin's look: a self-referral under a `flag` policy. */
export const COMMISSION_FLAGS = ["self_referral"] as const

/**
 * A ledger row: what an affiliate earns on one order. Money is never edited:
 * refunds and cancellations after payment are adjustment rows of their own.
 */
const AffiliateCommission = model
  .define("affiliate_commission", {
    id: model.id({ prefix: "affcom" }).primaryKey(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "commissions" }),
    // Null for a bonus or a deduction, which no order earned.
    order_id: model.text().nullable(),
    // The order's display number, copied at crediting (it never changes):
    // a page of the ledger shows it without reading the order module.
    order_display_id: model.number().nullable(),
    customer_id: model.text().nullable(),
    currency_code: model.text(),
    // Item subtotal after discounts, without tax and shipping (major units).
    base_amount: model.bigNumber(),
    // Percent.
    rate: model.bigNumber(),
    amount: model.bigNumber(),
    attribution: model.enum([...ATTRIBUTIONS]),
    status: model.enum([...COMMISSION_STATUSES]).default("pending"),
    // Why it was rejected: self_referral, order_canceled, or the admin's words.
    reason: model.text().nullable(),
    // The end of its hold period: before it, it cannot be approved or paid.
    // Null for commissions made without a hold.
    available_at: model.dateTime().nullable(),
    // The program whose terms made it, and how: one entry per line item
    // (its base, the rule that matched, its amount) and the tier used.
    program_id: model.text().nullable(),
    lines: model.json<CommissionLine[]>().nullable(),
    tier: model.json<TierUsed>().nullable(),
    // Kept pending for the admin to look at: `self_referral` under a program
    // whose self-referral policy is `flag`.
    flag: model.text().nullable(),
    // A commission moved to another affiliate by an admin: the rejected one
    // points to its replacement and back; who moved it and why.
    reassigned_to_id: model.text().nullable(),
    reassigned_from_id: model.text().nullable(),
    reassigned_by: model.text().nullable(),
    // Made by hand: the admin user who did, and why in their words.
    created_by: model.text().nullable(),
    note: model.text().nullable(),
    adjustments: model.hasMany(() => AffiliateCommissionAdjustment, {
      mappedBy: "commission",
    }),
    metadata: model.json().nullable(),
  })
  .indexes([
    // A commission is created once per order and affiliate.
    {
      on: ["order_id", "affiliate_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["affiliate_id", "status"], where: "deleted_at IS NULL" },
    // The ledger newest (or oldest) first; with id, a page's ids come from the
    // index alone, so a deep page skips index entries, not table rows.
    { on: ["created_at", "id"], where: "deleted_at IS NULL" },
    // One affiliate's commissions newest first (their page in the admin).
    { on: ["affiliate_id", "created_at"], where: "deleted_at IS NULL" },
    // Search by customer, and the customer_id filter.
    { on: ["customer_id"], where: "deleted_at IS NULL" },
    // The flagged ones, for the admin's review filter: few, however long the ledger.
    { on: ["flag"], where: "deleted_at IS NULL AND flag IS NOT NULL" },
    // Held commissions whose hold has ended, for the approval job.
    { on: ["available_at"], where: "deleted_at IS NULL AND status = 'pending' AND available_at IS NOT NULL" },
  ])

export default AffiliateCommission
