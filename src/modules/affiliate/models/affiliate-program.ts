import { model } from "@medusajs/framework/utils"
import type { CommissionTier } from "../utils/commission-rules"
import Affiliate from "./affiliate"
import AffiliateCommissionRule from "./affiliate-commission-rule"

export const PROGRAM_COMMISSION_TYPES = ["percentage", "fixed"] as const
export type ProgramCommissionType = (typeof PROGRAM_COMMISSION_TYPES)[number]

export const CONNECTION_LIFETIMES = ["forever", "days", "orders"] as const
export type ConnectionLifetime = (typeof CONNECTION_LIFETIMES)[number]

export const SELF_REFERRAL_POLICIES = ["reject", "flag", "allow"] as const
export type SelfReferralPolicy = (typeof SELF_REFERRAL_POLICIES)[number]

export const TIER_METRICS = ["revenue", "orders"] as const
export type TierMetric = (typeof TIER_METRICS)[number]

export const TIER_PERIODS = ["month", "lifetime"] as const

/** Percent off an order of the coupon "Create coupon" makes when the program names none. */
export const DEFAULT_COUPON_PERCENTAGE = 10
export type TierPeriod = (typeof TIER_PERIODS)[number]

/**
 * A group of affiliates with their own terms. Every affiliate is in one; an
 * affiliate without a program is in the default program (`is_default`), which
 * holds the store's settings: its null rate is the store's default rate.
 */
const AffiliateProgram = model
  .define("affiliate_program", {
    id: model.id({ prefix: "affprog" }).primaryKey(),
    name: model.text().searchable(),
    is_default: model.boolean().default(false),
    // What a line without a rule earns: a percentage of its total, or a fixed
    // amount per order in the order's currency.
    commission_type: model.enum([...PROGRAM_COMMISSION_TYPES]).default("percentage"),
    // Percent; null means the store's default rate.
    commission_rate: model.bigNumber().nullable(),
    // Fixed commission per order, per currency, in major units: { "usd": 5 }.
    commission_amounts: model.json<Record<string, number>>().nullable(),
    // How long a customer connection credits the affiliate.
    connection_lifetime: model.enum([...CONNECTION_LIFETIMES]).default("forever"),
    // Days or orders, for the `days` and `orders` lifetimes.
    connection_lifetime_value: model.number().nullable(),
    // Days a referral code on a cart is honoured; null: as long as the cart lives.
    referral_window_days: model.number().nullable(),
    // Null means the store setting.
    auto_approve_commissions: model.boolean().nullable(),
    self_referral_policy: model.enum([...SELF_REFERRAL_POLICIES]).default("reject"),
    // Performance tiers: the rate steps up with the affiliate's credited
    // revenue or orders in the period. [{ "threshold": 1000, "rate": 12 }].
    tier_metric: model.enum([...TIER_METRICS]).nullable(),
    tier_period: model.enum([...TIER_PERIODS]).default("month"),
    tiers: model.json<CommissionTier[]>().nullable(),
    // The affiliate coupon "Create coupon" makes: percent off the order
    // (null: DEFAULT_COUPON_PERCENTAGE); made for each affiliate on approval
    // when auto_create_coupon.
    coupon_percentage: model.number().nullable(),
    auto_create_coupon: model.boolean().default(false),
    rules: model.hasMany(() => AffiliateCommissionRule, { mappedBy: "program" }),
    affiliates: model.hasMany(() => Affiliate, { mappedBy: "program" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["rules"] })
  .indexes([
    {
      name: "IDX_affiliate_program_default_unique",
      on: ["is_default"],
      unique: true,
      where: "is_default = true AND deleted_at IS NULL",
    },
    { on: ["name"], unique: true, where: "deleted_at IS NULL" },
  ])

export default AffiliateProgram
