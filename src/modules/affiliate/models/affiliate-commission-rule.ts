import { model } from "@medusajs/framework/utils"
import AffiliateProgram from "./affiliate-program"

/** What a rule matches, most specific first: the order rules are tried in. */
export const RULE_TARGETS = ["product", "category", "collection", "type"] as const
export type RuleTarget = (typeof RULE_TARGETS)[number]

export const RULE_KINDS = ["percentage", "fixed", "excluded"] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/**
 * A program's commission for the line items of one product, category,
 * collection or product type: a percentage of the line's total, a fixed
 * amount per unit, or nothing (excluded).
 */
const AffiliateCommissionRule = model
  .define("affiliate_commission_rule", {
    id: model.id({ prefix: "affrule" }).primaryKey(),
    program: model.belongsTo(() => AffiliateProgram, { mappedBy: "rules" }),
    target: model.enum([...RULE_TARGETS]),
    // Medusa's product, category, collection or product type id.
    target_id: model.text(),
    kind: model.enum([...RULE_KINDS]),
    // Percent, for `percentage`.
    rate: model.bigNumber().nullable(),
    // Per unit, per currency, in major units, for `fixed`: { "usd": 2 }.
    amounts: model.json<Record<string, number>>().nullable(),
  })
  .indexes([
    {
      on: ["program_id", "target", "target_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default AffiliateCommissionRule
