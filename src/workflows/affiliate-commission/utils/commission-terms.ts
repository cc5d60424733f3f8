import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE, type AffiliateProgramTermsDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { connectionTerm } from "../../../modules/affiliate/utils/connection-lifetime"
import { addDays } from "../../../modules/affiliate/utils/dates"
import {
  type CommissionTerms,
  type LineForCommission,
  reachedTier,
  type TierUsed,
  tierPeriodStart,
} from "../../../modules/affiliate/utils/commission-rules"


/** An order line item as crediting reads it. */
export type OrderItemForTerms = {
  id: string
  title: string | null
  product_id: string | null
  product_type_id: string | null
  quantity: unknown
  detail?: { quantity: unknown } | null
  total: unknown
  tax_total: unknown
}

type OrderForTerms = {
  created_at: string | Date
  currency_code: string
  items: OrderItemForTerms[] | null
}

/** A connection past its program's lifetime, for an order placed at `placedAt`. */
export function isConnectionExpired(
  program: AffiliateProgramTermsDTO,
  connection: { created_at: string | Date; credited_orders: number },
  placedAt: Date
): boolean {
  const { expires_at, orders_left } = connectionTerm(connection, program)
  return (!!expires_at && placedAt.getTime() >= Date.parse(expires_at)) || orders_left === 0
}

/**
 * A referral code recorded on the cart (`recordedAt`, by the cart route, its
 * signature checked) longer than the program's window before the order.
 */
export function isReferralWindowOver(
  program: AffiliateProgramTermsDTO,
  recordedAt: Date,
  placedAt: Date
): boolean {
  if (program.referral_window_days == null) {
    return false
  }
  return placedAt > addDays(recordedAt, program.referral_window_days)
}

export type ProgramTermsLoader = (programId: string | null) => Promise<AffiliateProgramTermsDTO>

/**
 * Reads a program's terms once per crediting, however often asked (null: the
 * default program, whose terms crediting reads along with its other first
 * reads: `readDefaultTerms`). A program deleted since falls back to the default one.
 */
export function programTermsLoader(
  service: AffiliateModuleService,
  readDefaultTerms: () => Promise<AffiliateProgramTermsDTO | null>
): ProgramTermsLoader {
  const loaded = new Map<string, Promise<AffiliateProgramTermsDTO>>()
  const read = async (programId: string | null): Promise<AffiliateProgramTermsDTO> => {
    const terms = await (programId ? service.retrieveProgramTerms(programId) : readDefaultTerms())
    if (terms) {
      return terms
    }
    if (programId) {
      return load(null)
    }
    // A database emptied since the migration: the default program again.
    await service.retrieveDefaultProgram()
    return (await service.retrieveProgramTerms(null))!
  }
  const load = (programId: string | null) => {
    const key = programId ?? ""
    if (!loaded.has(key)) {
      loaded.set(key, read(programId))
    }
    return loaded.get(key)!
  }
  return load
}

/**
 * What rules other than per-product match by: the products' categories,
 * collection and type, read only when the program has such rules.
 */
type ProductFacts = { category_ids: string[]; collection_id: string | null; type_id: string | null }

export type ProductFactsByProduct = Map<string, ProductFacts>

/** The categories, collection and type of the order lines' products. */
export async function fetchProductFacts(
  container: MedusaContainer,
  items: { product_id: string | null }[]
): Promise<ProductFactsByProduct> {
  const productIds = [...new Set(items.map((item) => item.product_id).filter((id): id is string => !!id))]
  if (!productIds.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "collection_id", "type_id", "categories.id"],
    filters: { id: productIds },
  })
  return new Map(
    (data as { id: string; collection_id: string | null; type_id: string | null; categories?: { id: string }[] }[]).map(
      (product) => [
        product.id,
        {
          category_ids: (product.categories ?? []).map((category) => category.id),
          collection_id: product.collection_id,
          type_id: product.type_id,
        },
      ]
    )
  )
}

/** The tier the affiliate's record before this order reached, for a percentage program with tiers. */
async function findTier(
  service: AffiliateModuleService,
  program: AffiliateProgramTermsDTO,
  affiliateId: string,
  order: OrderForTerms
): Promise<TierUsed | null> {
  if (!program.tier_metric || !program.tiers?.length || program.commission_type !== "percentage") {
    return null
  }
  const performance = await service.measureAffiliatePerformance(
    affiliateId,
    order.currency_code,
    tierPeriodStart(program.tier_period, new Date(order.created_at))
  )
  const measured = performance[program.tier_metric]
  const tier = reachedTier(program.tiers, measured)
  return tier
    ? { metric: program.tier_metric, period: program.tier_period, measured, threshold: tier.threshold, rate: tier.rate }
    : null
}

/**
 * An order's commission terms under the affiliate's program: its rules, the
 * rate for lines no rule matches (the affiliate's own rate, else their tier's,
 * else the program's, else the store's), and the lines with what rules match
 * them by. The affiliate's tier and the products' categories, collections and
 * types (only when rules need them) are read concurrently.
 */
export async function loadCommissionTerms(
  container: MedusaContainer,
  input: {
    order: OrderForTerms
    affiliate_id: string
    affiliate_rate: number | null
    program: AffiliateProgramTermsDTO
    store_rate: number
    /** The products' facts read ahead, resolving to null when they were not: read here if the rules need them. */
    product_facts: Promise<ProductFactsByProduct | null>
  }
): Promise<{ terms: CommissionTerms; lines: LineForCommission[]; tier: TierUsed | null }> {
  const { order, program } = input
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const items = order.items ?? []
  const ownRate = input.affiliate_rate != null

  const { rules } = program
  const needsFacts = rules.some((rule) => rule.target !== "product")
  const [tier, facts] = await Promise.all([
    ownRate ? null : findTier(service, program, input.affiliate_id, order),
    needsFacts
      ? input.product_facts.then((facts) => facts ?? fetchProductFacts(container, items))
      : new Map<string, ProductFacts>(),
  ])

  const lines = items.map((item): LineForCommission => {
    const product = item.product_id ? facts.get(item.product_id) : undefined
    return {
      item_id: item.id,
      title: item.title ?? "",
      quantity: Number(item.detail?.quantity ?? item.quantity ?? 0),
      base: MathBN.sub(item.total as number, item.tax_total as number),
      product_id: item.product_id,
      category_ids: product?.category_ids ?? [],
      collection_id: product?.collection_id ?? null,
      type_id: product?.type_id ?? item.product_type_id,
    }
  })
  const programRate = program.commission_rate == null ? input.store_rate : Number(program.commission_rate)
  return {
    terms: {
      program_id: program.id,
      rate: input.affiliate_rate ?? tier?.rate ?? programRate,
      rate_source: ownRate ? "affiliate" : tier ? "tier" : program.commission_rate == null ? "store" : "program",
      order_amounts:
        !ownRate && program.commission_type === "fixed" ? program.commission_amounts ?? {} : null,
      rules,
    },
    lines,
    tier: ownRate ? null : tier,
  }
}
