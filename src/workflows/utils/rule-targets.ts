import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RuleTarget } from "../../modules/affiliate/models/affiliate-commission-rule"

/** Where Medusa keeps each kind of rule target, and the field that names it. */
export const RULE_TARGET_ENTITIES: Record<
  RuleTarget,
  { entity: string; label: string; noun: string }
> = {
  product: { entity: "product", label: "title", noun: "Product" },
  collection: { entity: "product_collection", label: "title", noun: "Collection" },
  category: { entity: "product_category", label: "name", noun: "Category" },
  type: { entity: "product_type", label: "value", noun: "Product type" },
}

/**
 * The names of these products, collections, categories or product types, by
 * id, read from Medusa now: a title changed since the rule was made shows as
 * it is, and a deleted target is missing from the map.
 */
export async function findRuleTargetLabels(
  container: MedusaContainer,
  target: RuleTarget,
  ids: string[]
): Promise<Map<string, string>> {
  if (!ids.length) {
    return new Map()
  }
  const { entity, label } = RULE_TARGET_ENTITIES[target]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields: ["id", label],
    filters: { id: [...new Set(ids)] },
  })
  return new Map(
    (data as Record<string, string>[]).map((row) => [row.id, row[label] ?? ""])
  )
}
