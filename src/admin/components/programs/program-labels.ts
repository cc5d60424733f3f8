import type {
  AffiliateCommissionRule,
  ConnectionLifetime,
  RuleKind,
  RuleTarget,
  SelfReferralPolicy,
  TierMetric,
  TierPeriod,
} from "../../hooks/api/affiliate-programs"
import { formatAmounts, formatMoney, formatRate, plural } from "../../lib/format"

export const RULE_TARGET_LABELS: Record<RuleTarget, string> = {
  product: "Product",
  category: "Category",
  collection: "Collection",
  type: "Product type",
}

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  percentage: "Percentage of the line",
  fixed: "Fixed amount per unit",
  excluded: "Excluded (no commission)",
}

export const CONNECTION_LIFETIME_LABELS: Record<ConnectionLifetime, string> = {
  forever: "Forever",
  days: "A number of days",
  orders: "A number of orders",
}

export const SELF_REFERRAL_LABELS: Record<SelfReferralPolicy, string> = {
  reject: "Reject: no commission",
  flag: "Flag for review",
  allow: "Allow",
}

export const TIER_METRIC_LABELS: Record<TierMetric, string> = {
  revenue: "Revenue",
  orders: "Orders",
}

export const TIER_PERIOD_LABELS: Record<TierPeriod, string> = {
  month: "Each calendar month",
  lifetime: "All time",
}

/** "Forever", "90 days" or "3 orders". */
export const formatConnectionLifetime = (
  lifetime: ConnectionLifetime,
  value: number | null
) => {
  if (lifetime === "forever" || value === null) {
    return "Forever"
  }
  return lifetime === "days" ? plural(value, "day", "days") : plural(value, "order", "orders")
}

export const formatReferralWindow = (days: number | null) =>
  days === null ? "As long as the cart lives" : plural(days, "day", "days")

export const formatAutoApprove = (value: boolean | null, storeSetting: boolean | undefined) => {
  if (value !== null) {
    return value ? "Yes" : "No"
  }
  return storeSetting === undefined
    ? "Store setting"
    : `Store setting (${storeSetting ? "yes" : "no"})`
}

/** A tier's threshold: "$1,000.00 revenue" (in the order's currency) or "10 orders". */
export const formatTierThreshold = (
  metric: TierMetric,
  threshold: number,
  currencyCode?: string
) => {
  if (metric === "orders") {
    return plural(threshold, "order", "orders")
  }
  const amount = currencyCode
    ? formatMoney(threshold, currencyCode)
    : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 }).format(threshold)
  return `${amount} revenue`
}

export const TIER_PERIOD_WORDS: Record<TierPeriod, string> = {
  month: "this month",
  lifetime: "in total",
}

/** "15%", "$2.00 per unit" or "Excluded". */
export const formatRuleValue = (rule: Pick<AffiliateCommissionRule, "kind" | "rate" | "amounts">) => {
  switch (rule.kind) {
    case "percentage":
      return rule.rate === null ? "-" : formatRate(rule.rate)
    case "fixed": {
      const amounts = formatAmounts(rule.amounts)
      return amounts ? `${amounts} per unit` : "No amount set"
    }
    case "excluded":
      return "Excluded"
  }
}
