import { MathBN } from "@medusajs/framework/utils"
import {
  RULE_TARGETS,
  type RuleKind,
  type RuleTarget,
} from "../models/affiliate-commission-rule"
import type { TierMetric, TierPeriod } from "../models/affiliate-program"
import { currencyPrecision } from "./money"

type Amount = Parameters<typeof MathBN.convert>[0]
type Exact = ReturnType<typeof MathBN.convert>

export type CommissionRuleTerms = {
  id: string
  target: RuleTarget
  target_id: string
  kind: RuleKind
  rate: number | null
  amounts: Record<string, number> | null
}

export type CommissionTier = { threshold: number; rate: number }

/** What an order earns under, once the affiliate and their program are known. */
/** Whose rate a line no rule matches earns: the affiliate's own, their tier's, the program's, the store's default. */
export const RATE_SOURCES = ["affiliate", "tier", "program", "store"] as const
export type RateSource = (typeof RATE_SOURCES)[number]

export type CommissionTerms = {
  program_id: string
  /** Percent for lines no rule matches (already the affiliate's own rate or their tier when those apply). */
  rate: number
  /** Where `rate` comes from. */
  rate_source: RateSource
  /** A fixed amount per order instead of `rate`, per currency. */
  order_amounts: Record<string, number> | null
  rules: CommissionRuleTerms[]
}

/** A line item and what rules can match it by. */
export type LineForCommission = {
  item_id: string
  title: string
  quantity: number
  /** The line's total after discounts, without tax. */
  base: Amount
  product_id: string | null
  category_ids: string[]
  collection_id: string | null
  type_id: string | null
}

/** One part of a commission, as the commission records it. */
export type CommissionLine = {
  /** Null for the program's fixed amount per order. */
  item_id: string | null
  title: string
  quantity: number
  base: number
  rule_id: string | null
  rule_target: RuleTarget | null
  kind: RuleKind | "default" | "order"
  /** Percent, for percentage lines. */
  rate: number | null
  /** For a `default` line by rate: whose rate it is (absent on lines credited before it was recorded). */
  rate_source?: RateSource | null
  /** This part, rounded so that the parts add up to the commission. */
  amount: number
}

export type CalculatedCommission = {
  base_amount: number
  amount: number
  lines: CommissionLine[]
}

/** The rule a line matches: the most specific target wins (see RULE_TARGETS). */
function matchRule(
  line: LineForCommission,
  paid: Exact,
  rules: CommissionRuleTerms[],
  currencyCode: string
): { rule: CommissionRuleTerms; exact: Exact } | null {
  const idsByTarget: Record<RuleTarget, string[]> = {
    product: line.product_id ? [line.product_id] : [],
    category: line.category_ids,
    collection: line.collection_id ? [line.collection_id] : [],
    type: line.type_id ? [line.type_id] : [],
  }
  for (const target of RULE_TARGETS) {
    const matches = rules
      .filter((rule) => rule.target === target && idsByTarget[target].includes(rule.target_id))
      // A fixed rule without an amount in the order's currency does not apply.
      .filter((rule) => rule.kind !== "fixed" || rule.amounts?.[currencyCode] != null)
      .map((rule) => ({ rule, exact: ruleAmount(rule, line, paid, currencyCode) }))
    if (matches.length) {
      // Several rules of one kind (a product in two categories): the least
      // generous, so that an exclusion always holds.
      return matches.reduce((least, match) => (MathBN.lt(match.exact, least.exact) ? match : least))
    }
  }
  return null
}

/** What a rule pays on a line; a fixed amount never more than the line's paid base. */
function ruleAmount(rule: CommissionRuleTerms, line: LineForCommission, paid: Exact, currencyCode: string): Exact {
  switch (rule.kind) {
    case "excluded":
      return MathBN.convert(0)
    case "fixed":
      return MathBN.min(MathBN.mult(rule.amounts![currencyCode], line.quantity), paid)
    case "percentage":
      return MathBN.div(MathBN.mult(line.base, rule.rate ?? 0), 100)
  }
}

/**
 * Rounds the parts' exact amounts so that they add up to the total rounded
 * half-up: each part rounded down, then the cents left over go to the parts
 * that lost the most (the first of equals).
 */
function allocateRounded(exacts: Exact[], precision: number): { total: Exact; parts: Exact[] } {
  const total = MathBN.convert(MathBN.sum(0, ...exacts), precision)
  const parts = exacts.map((exact) => exact.decimalPlaces(precision, 1))
  const unit = MathBN.div(1, MathBN.exp(10, precision))
  let left = MathBN.sub(total, MathBN.sum(0, ...parts))
  const byLoss = exacts
    .map((exact, index) => ({ index, loss: MathBN.sub(exact, parts[index]) }))
    .sort((a, b) => (MathBN.eq(a.loss, b.loss) ? a.index - b.index : MathBN.gt(a.loss, b.loss) ? -1 : 1))
  for (const { index } of byLoss) {
    if (!MathBN.gt(left, 0)) {
      break
    }
    parts[index] = MathBN.add(parts[index], unit)
    left = MathBN.sub(left, unit)
  }
  return { total, parts }
}

/**
 * An order's commission under its terms, computed per line item: the most
 * specific rule matching a line decides it (a rate of the line's total, a
 * fixed amount per unit, or nothing); the other lines earn the program's rate,
 * or together its fixed amount per order. A fixed amount never exceeds what
 * the buyer paid for what earns it (a line's base, or the other lines' bases
 * for the amount per order), so a free item earns nothing. The total is the
 * exact sum rounded half-up to the currency's precision, and the lines'
 * amounts add up to it; the bases are rounded likewise and add up to the
 * base amount.
 */
export function calculateCommission(
  lines: LineForCommission[],
  terms: CommissionTerms,
  currencyCode: string
): CalculatedCommission {
  const precision = currencyPrecision(currencyCode)
  const bases = allocateRounded(lines.map((line) => MathBN.convert(line.base)), precision)
  const parts: { line: Omit<CommissionLine, "amount">; exact: Exact }[] = []
  let defaultPaid = MathBN.convert(0)
  let defaultLines = 0

  for (const [index, line] of lines.entries()) {
    // The cap of a fixed amount: the base as recorded, so a line never shows
    // more commission than base; never below zero.
    const paid = MathBN.max(bases.parts[index], 0)
    const described = {
      item_id: line.item_id,
      title: line.title,
      quantity: line.quantity,
      base: bases.parts[index].toNumber(),
    }
    const matched = matchRule(line, paid, terms.rules, currencyCode)
    if (matched) {
      const { rule, exact } = matched
      parts.push({
        line: { ...described, rule_id: rule.id, rule_target: rule.target, kind: rule.kind, rate: rule.kind === "percentage" ? rule.rate : null },
        exact,
      })
      continue
    }
    defaultLines++
    defaultPaid = MathBN.add(defaultPaid, paid)
    const byRate = !terms.order_amounts
    parts.push({
      line: {
        ...described,
        rule_id: null,
        rule_target: null,
        kind: "default",
        rate: byRate ? terms.rate : null,
        rate_source: byRate ? terms.rate_source : null,
      },
      exact: byRate ? MathBN.div(MathBN.mult(line.base, terms.rate), 100) : MathBN.convert(0),
    })
  }
  if (terms.order_amounts && defaultLines) {
    parts.push({
      line: { item_id: null, title: "Per order", quantity: 1, base: 0, rule_id: null, rule_target: null, kind: "order", rate: null },
      exact: MathBN.min(terms.order_amounts[currencyCode] ?? 0, defaultPaid),
    })
  }

  const amounts = allocateRounded(parts.map((part) => part.exact), precision)
  return {
    base_amount: bases.total.toNumber(),
    amount: amounts.total.toNumber(),
    lines: parts.map((part, index) => ({ ...part.line, amount: amounts.parts[index].toNumber() })),
  }
}

export type TierUsed = {
  metric: TierMetric
  period: TierPeriod
  /** The affiliate's credited revenue or orders in the period, before this order. */
  measured: number
  threshold: number
  rate: number
}

/** The highest tier the measure has reached, or null below the first. */
export function reachedTier(
  tiers: CommissionTier[],
  measured: Amount
): CommissionTier | null {
  return tiers
    .filter((tier) => MathBN.gte(measured, tier.threshold))
    .reduce<CommissionTier | null>((best, tier) => (!best || tier.threshold > best.threshold ? tier : best), null)
}

/** The first moment of the period an order placed at `placedAt` counts in (UTC months). */
export function tierPeriodStart(period: TierPeriod, placedAt: Date): Date | null {
  return period === "month"
    ? new Date(Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth(), 1))
    : null
}
