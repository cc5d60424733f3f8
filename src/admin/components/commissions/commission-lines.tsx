import { Text } from "@medusajs/ui"
import type {
  AffiliateCommission,
  AffiliateCommissionLine,
  AffiliateCommissionTier,
} from "../../hooks/api/affiliate-commissions"
import type { AffiliateCommissionRule, RuleTarget } from "../../hooks/api/affiliate-programs"
import { formatMoney, formatRate } from "../../lib/format"
import { formatTierThreshold, TIER_PERIOD_WORDS } from "../programs/program-labels"

const TARGET_WORDS: Record<RuleTarget, string> = {
  product: "product",
  category: "category",
  collection: "collection",
  type: "product type",
}

/** "collection Summer": the rule's target as the program names it today. */
const ruleTarget = (line: AffiliateCommissionLine, rules: Map<string, AffiliateCommissionRule>) => {
  const rule = line.rule_id ? rules.get(line.rule_id) : undefined
  const label = rule?.target_label
  return [line.rule_target && TARGET_WORDS[line.rule_target], label].filter(Boolean).join(" ")
}

/** Whose rate a line no rule decides earned, in the words every rate is shown with. */
const RATE_SOURCE_WORDS = {
  affiliate: "their own rate",
  tier: "tier",
  program: "program rate",
  store: "store default",
} as const

/**
 * How one line earned: "Rule: collection Summer → 15%", "Excluded (category
 * Gift cards)", "Fixed $2.00 × 3", "15% (their own rate)", "10% (store
 * default)" or "Per order".
 */
export const describeCommissionLine = (
  line: AffiliateCommissionLine,
  currencyCode: string,
  rules: Map<string, AffiliateCommissionRule> = new Map(),
  tier: AffiliateCommissionTier | null = null
) => {
  const target = ruleTarget(line, rules)
  switch (line.kind) {
    case "percentage":
      return `Rule: ${target} → ${line.rate === null ? "-" : formatRate(line.rate)}`
    case "excluded":
      return target ? `Excluded (${target})` : "Excluded"
    case "fixed": {
      const perUnit = formatMoney(line.amount / (line.quantity || 1), currencyCode)
      return `Fixed ${perUnit} × ${line.quantity}${target ? ` (${target})` : ""}`
    }
    case "default":
      if (line.rate === null) {
        return "Program commission"
      }
      if (line.rate_source) {
        return `${formatRate(line.rate)} (${RATE_SOURCE_WORDS[line.rate_source]})`
      }
      // Credited before the source was recorded: the tier is known, the rest is not.
      return tier && tier.rate === line.rate
        ? `${formatRate(line.rate)} (tier)`
        : `Default rate ${formatRate(line.rate)}`
    case "order":
      return "Per order"
  }
}

/** "Tier: 12% from $1,000.00 revenue this month". */
export const describeCommissionTier = (tier: AffiliateCommissionTier, currencyCode: string) =>
  `Tier: ${formatRate(tier.rate)} from ${formatTierThreshold(
    tier.metric,
    tier.threshold,
    currencyCode
  )} ${TIER_PERIOD_WORDS[tier.period]}`

/**
 * A commission's parts, one per line item (and the program's amount per
 * order): what the line was, its base, how it earned and what.
 */
export const CommissionLines = ({
  commission,
  rules,
}: {
  commission: Pick<AffiliateCommission, "lines" | "currency_code" | "tier">
  /** The program's rules by id, to name their targets. */
  rules?: Map<string, AffiliateCommissionRule>
}) => {
  const money = (amount: number) => formatMoney(amount, commission.currency_code)
  return (
    <ul className="flex flex-col divide-y divide-dashed" data-testid="commission-lines">
      {(commission.lines ?? []).map((line, index) => (
        <li
          key={line.item_id ?? `order-${index}`}
          className="flex items-start justify-between gap-x-4 py-2"
          data-testid="commission-line"
          data-kind={line.kind}
        >
          <div className="flex min-w-0 flex-col">
            <Text size="small" leading="compact" weight="plus" className="truncate">
              {line.item_id ? `${line.title} × ${line.quantity}` : "Order"}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="commission-line-rule">
              {describeCommissionLine(line, commission.currency_code, rules, commission.tier)}
            </Text>
            {line.item_id && (
              <Text size="xsmall" className="text-ui-fg-muted">
                Base {money(line.base)}
              </Text>
            )}
          </div>
          <Text
            size="small"
            leading="compact"
            className={line.kind === "excluded" ? "text-ui-fg-muted" : undefined}
            data-testid="commission-line-amount"
          >
            {money(line.amount)}
          </Text>
        </li>
      ))}
    </ul>
  )
}
