import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { readCreditingContext } from "../queries/programs"
import type { AffiliateProgramTermsDTO, AffiliateSettingsDTO } from "../types"
import { AFFILIATE_SETTINGS_ID, effectiveSettings } from "./settings"

export type CreditingContext = {
  decided: boolean
  settings: AffiliateSettingsDTO
  default_terms: AffiliateProgramTermsDTO | null
  has_product_fact_rules: boolean
}

/**
 * What crediting an order reads of this module before it knows anything
 * of the order, in one query: whether the order was decided, the settings
 * in force, the default program's terms (null if it is missing), and
 * whether any program has rules by category, collection or type (then the
 * order's products are read ahead).
 */
export async function retrieveCreditingContext(
  knex: Knex,
  orderId: string,
  defaultCommissionRate: number
): Promise<CreditingContext> {
  const context = await readCreditingContext(knex, orderId, AFFILIATE_SETTINGS_ID)
  return { ...context, settings: effectiveSettings(context.settings ?? undefined, defaultCommissionRate) }
}
