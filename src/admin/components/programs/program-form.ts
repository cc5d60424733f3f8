import type {
  AffiliateProgramPayload,
  AffiliateProgramTerms,
  ConnectionLifetime,
  ProgramCommissionType,
  SelfReferralPolicy,
  TierMetric,
  TierPeriod,
} from "../../hooks/api/affiliate-programs"
import { parseRate } from "../../lib/form-values"
import {
  type CurrencyAmountValues,
  fromCurrencyAmounts,
  toCurrencyAmounts,
} from "../common/currency-amounts-input"

/** A program's terms as typed in the create modal and the edit drawer. */
export type ProgramFormValues = {
  name: string
  commission_type: ProgramCommissionType
  /** Empty: the store's default rate. */
  commission_rate: string
  commission_amounts: CurrencyAmountValues
  connection_lifetime: ConnectionLifetime
  connection_lifetime_value: string
  /** Empty: as long as the cart lives. */
  referral_window_days: string
  auto_approve_commissions: "store" | "yes" | "no"
  self_referral_policy: SelfReferralPolicy
  tier_metric: TierMetric | "none"
  tier_period: TierPeriod
  tiers: { threshold: string; rate: string }[]
  /** Empty: DEFAULT_COUPON_PERCENTAGE. */
  coupon_percentage: string
  auto_create_coupon: boolean
}

/** Percent off an order of an affiliate coupon when the program names none (as the server). */
export const DEFAULT_COUPON_PERCENTAGE = 10

export const EMPTY_PROGRAM: ProgramFormValues = {
  name: "",
  commission_type: "percentage",
  commission_rate: "",
  commission_amounts: {},
  connection_lifetime: "forever",
  connection_lifetime_value: "",
  referral_window_days: "",
  auto_approve_commissions: "store",
  self_referral_policy: "reject",
  tier_metric: "none",
  tier_period: "month",
  tiers: [],
  coupon_percentage: "",
  auto_create_coupon: false,
}

const text = (value: number | null) => (value === null ? "" : String(value))

export const toProgramFormValues = (program: AffiliateProgramTerms): ProgramFormValues => ({
  name: program.name,
  commission_type: program.commission_type,
  commission_rate: text(program.commission_rate),
  commission_amounts: fromCurrencyAmounts(program.commission_amounts),
  connection_lifetime: program.connection_lifetime,
  connection_lifetime_value: text(program.connection_lifetime_value),
  referral_window_days: text(program.referral_window_days),
  auto_approve_commissions:
    program.auto_approve_commissions === null
      ? "store"
      : program.auto_approve_commissions
        ? "yes"
        : "no",
  self_referral_policy: program.self_referral_policy,
  tier_metric: program.tier_metric ?? "none",
  tier_period: program.tier_period,
  tiers: (program.tiers ?? []).map((tier) => ({
    threshold: String(tier.threshold),
    rate: String(tier.rate),
  })),
  coupon_percentage: text(program.coupon_percentage),
  auto_create_coupon: program.auto_create_coupon,
})

const wholeOrNull = (value: string) => (value.trim() === "" ? null : Number(value))

/** Every term, so that what the form shows is what is saved. */
export const toProgramPayload = (values: ProgramFormValues): AffiliateProgramPayload => {
  const fixed = values.commission_type === "fixed"
  const tiered = values.tier_metric !== "none"
  return {
    name: values.name.trim(),
    commission_type: values.commission_type,
    commission_rate: fixed ? null : parseRate(values.commission_rate),
    commission_amounts: fixed ? toCurrencyAmounts(values.commission_amounts) : null,
    connection_lifetime: values.connection_lifetime,
    connection_lifetime_value:
      values.connection_lifetime === "forever"
        ? null
        : wholeOrNull(values.connection_lifetime_value),
    referral_window_days: wholeOrNull(values.referral_window_days),
    auto_approve_commissions:
      values.auto_approve_commissions === "store"
        ? null
        : values.auto_approve_commissions === "yes",
    self_referral_policy: values.self_referral_policy,
    tier_metric: tiered ? (values.tier_metric as TierMetric) : null,
    tier_period: values.tier_period,
    tiers: tiered
      ? values.tiers
          .map((tier) => ({ threshold: Number(tier.threshold), rate: Number(tier.rate) }))
          .sort((a, b) => a.threshold - b.threshold)
      : null,
    coupon_percentage: wholeOrNull(values.coupon_percentage),
    auto_create_coupon: values.auto_create_coupon,
  }
}

/** The server's limits. */
export const PROGRAM_LIMITS = {
  name: 100,
  days: 3650,
  orders: 10_000,
  referralWindowDays: 365,
  tiers: 20,
} as const
