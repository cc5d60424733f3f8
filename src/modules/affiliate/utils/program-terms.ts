import type { RuleKind } from "../models/affiliate-commission-rule"
import type {
  ConnectionLifetime,
  ProgramCommissionType,
  TierMetric,
} from "../models/affiliate-program"
import type { CommissionTier } from "./commission-rules"

/** The longest lifetime a connection may be given, per unit. */
export const CONNECTION_LIFETIME_LIMITS = {
  days: { min: 1, max: 3650 },
  orders: { min: 1, max: 10_000 },
} as const

/** A program's terms that depend on each other, as they are or would be stored. */
export type ProgramTerms = {
  commission_type: ProgramCommissionType
  commission_amounts: Record<string, number> | null
  connection_lifetime: ConnectionLifetime
  connection_lifetime_value: number | null
  tier_metric: TierMetric | null
  tiers: CommissionTier[] | null
}

/** A rule's terms, as they are or would be stored. */
export type RuleTerms = {
  kind: RuleKind
  rate: number | null
  amounts: Record<string, number> | null
}

const isEmpty = (value: object | null | undefined) =>
  value == null || Object.keys(value).length === 0

/**
 * What is wrong with a program's terms taken together, if anything: a fixed
 * commission needs its amounts, a lifetime in days or orders its number (and
 * `forever` none), tiers their metric and a metric its tiers.
 */
export function programTermsProblem(terms: ProgramTerms): string | undefined {
  if (terms.commission_type === "fixed" && isEmpty(terms.commission_amounts)) {
    return "commission_amounts: a fixed commission needs an amount for at least one currency, like { usd: 5 }"
  }
  if (terms.connection_lifetime === "forever") {
    if (terms.connection_lifetime_value != null) {
      return "connection_lifetime_value: a connection that lasts forever takes no value (leave it out or send null)"
    }
  } else {
    const value = terms.connection_lifetime_value
    const { min, max } = CONNECTION_LIFETIME_LIMITS[terms.connection_lifetime]
    if (value == null) {
      return `connection_lifetime_value is required when connection_lifetime is ${terms.connection_lifetime}`
    }
    if (value < min || value > max) {
      return `connection_lifetime_value: ${terms.connection_lifetime} must be from ${min} to ${max}`
    }
  }
  if (terms.tier_metric && !terms.tiers?.length) {
    return `tiers: tiers by ${terms.tier_metric} need at least one tier, like [{ threshold: 1000, rate: 12 }]`
  }
  if (!terms.tier_metric && terms.tiers?.length) {
    return "tiers: tiers need a tier_metric (revenue or orders)"
  }
  return undefined
}

/**
 * What is wrong with a rule's terms, if anything: a percentage needs its rate
 * and a fixed amount its amounts, each only that; an exclusion neither.
 */
export function ruleTermsProblem(terms: RuleTerms): string | undefined {
  const hasRate = terms.rate != null
  const hasAmounts = !isEmpty(terms.amounts)
  switch (terms.kind) {
    case "percentage":
      if (!hasRate) {
        return "rate is required for a percentage rule (0 to 100)"
      }
      if (terms.amounts != null) {
        return "amounts: a percentage rule takes a rate, not amounts"
      }
      return undefined
    case "fixed":
      if (!hasAmounts) {
        return "amounts is required for a fixed rule: an amount per unit for at least one currency, like { usd: 2 }"
      }
      if (hasRate) {
        return "rate: a fixed rule takes amounts, not a rate"
      }
      return undefined
    case "excluded":
      if (hasRate || terms.amounts != null) {
        return "an excluded rule takes neither rate nor amounts"
      }
      return undefined
  }
}

/** The most rules one program may have. */
export const PROGRAM_RULES_MAX = 500
