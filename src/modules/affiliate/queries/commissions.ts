import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type {
  AffiliateCommissionCountDTO,
  AffiliateCommissionFilters,
  AffiliateCommissionTotalsDTO,
} from "../types"

const COMMISSION_FILTER_COLUMNS = [
  "affiliate_id",
  "order_id",
  "customer_id",
  "status",
  "attribution",
  "currency_code",
  "program_id",
  "flag",
] as const
const COMPARISONS = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" } as const
/**
 * Up to this many matching commissions a count is exact; beyond, it is the
 * query planner's estimate. Counting 10,000 rows from an index takes about a
 * millisecond, counting a ledger of 1,000,000 about 35.
 */
const EXACT_COUNT_LIMIT = 10_000

/** Live commissions matching the filters, as a query to select from. */
function commissionsMatching(knex: Knex, filters: AffiliateCommissionFilters) {
  const query = knex("affiliate_commission").whereNull("deleted_at")
  for (const column of COMMISSION_FILTER_COLUMNS) {
    const values = filters[column]
    if (values) {
      query.whereIn(column, values)
    }
  }
  for (const [operator, value] of Object.entries(filters.created_at ?? {})) {
    query.where("created_at", COMPARISONS[operator as keyof typeof COMPARISONS], value)
  }
  return query
}

/**
 * What an affiliate has earned through in a period, for performance tiers:
 * the base amounts (in one currency) and the number of their commissions
 * on orders (bonuses and deductions are not sales) that were not rejected,
 * created from `since` (null: ever).
 */
export async function measureAffiliatePerformance(
  knex: Knex,
  { affiliateId, currencyCode, since }: { affiliateId: string; currencyCode: string; since: Date | null }
): Promise<{ revenue: number; orders: number }> {
  const query = knex("affiliate_commission")
    .select(
      knex.raw("coalesce(sum(base_amount) filter (where currency_code = ?), 0) as revenue", [currencyCode]),
      knex.raw("count(*) as orders")
    )
    .where({ affiliate_id: affiliateId })
    .whereNot({ status: "rejected" })
    .whereNotNull("order_id")
    .whereNull("deleted_at")
  if (since) {
    query.where("created_at", ">=", since)
  }
  const [row] = await query
  return { revenue: Number(row.revenue), orders: Number(row.orders) }
}

/**
 * The ids of `take` commissions matching `filters`, newest first (id breaks
 * ties), after the commission `after`: keyset paging for the CSV export, so
 * every page is one index range however deep it is, and a commission
 * credited while an export runs neither shifts a page nor repeats a row.
 * The cursor is read in SQL, where created_at keeps its microseconds.
 */
export async function listCommissionIdsAfter(
  knex: Knex,
  filters: AffiliateCommissionFilters,
  { after, take }: { after?: string; take: number }
): Promise<string[]> {
  const query = commissionsMatching(knex, filters).select("id")
  if (after) {
    query.whereRaw("(created_at, id) < (select created_at, id from affiliate_commission where id = ?)", [after])
  }
  const rows: { id: string }[] = await query
    .orderBy([
      { column: "created_at", order: "desc" },
      { column: "id", order: "desc" },
    ])
    .limit(take)
  return rows.map((row) => row.id)
}

/**
 * How many commissions the filters match. With `exact`, counted. Otherwise
 * counted up to EXACT_COUNT_LIMIT, which stays cheap however long the
 * ledger grows; past it, the number is PostgreSQL's planner estimate for
 * the same query (from the table's statistics: no rows read) and comes back
 * `estimated`, never below the limit it is known to exceed.
 */
export async function countCommissions(
  knex: Knex,
  filters: AffiliateCommissionFilters,
  exact: boolean
): Promise<AffiliateCommissionCountDTO> {
  const matching = commissionsMatching(knex, filters)
  if (exact) {
    const [{ count }] = await matching.count({ count: "*" })
    return { count: Number(count), estimated: false }
  }
  const [{ count }] = await knex
    .from(matching.clone().select(knex.raw("1")).limit(EXACT_COUNT_LIMIT + 1).as("capped"))
    .count({ count: "*" })
  if (Number(count) <= EXACT_COUNT_LIMIT) {
    return { count: Number(count), estimated: false }
  }
  const { sql, bindings } = matching.select(knex.raw("1")).toSQL()
  const { rows }: { rows: { "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[] } = await knex.raw(
    `explain (format json) ${sql}`,
    bindings
  )
  const planned = Math.round(rows[0]["QUERY PLAN"][0].Plan["Plan Rows"])
  return { count: Math.max(planned, EXACT_COUNT_LIMIT + 1), estimated: true }
}

/**
 * Commission totals per affiliate and currency: amounts by status and the
 * adjustments on live commissions, aggregated in the database.
 */
export async function summarizeCommissions(
  knex: Knex,
  affiliateIds: string[]
): Promise<AffiliateCommissionTotalsDTO[]> {
  if (!affiliateIds.length) {
    return []
  }
  const adjustments = knex("affiliate_commission_adjustment")
    .select("commission_id")
    .sum({ total: "amount" })
    .whereNull("deleted_at")
    .groupBy("commission_id")
    .as("adj")
  const sumWhen = (condition: string, column = "c.amount") =>
    knex.raw(`coalesce(sum(${column}) filter (where ${condition}), 0)`)
  const rows: Record<string, string>[] = await knex("affiliate_commission as c")
    .leftJoin(adjustments, "adj.commission_id", "c.id")
    .select("c.affiliate_id", "c.currency_code")
    .select({
      pending: sumWhen("c.status = 'pending'"),
      approved: sumWhen("c.status = 'approved'"),
      paid: sumWhen("c.status = 'paid'"),
      rejected: sumWhen("c.status = 'rejected'"),
      adjustments: sumWhen("c.status <> 'rejected'", "adj.total"),
      // What the affiliate earns, all told; PostgreSQL's numeric sums are exact.
      net: sumWhen("c.status <> 'rejected'", "c.amount + coalesce(adj.total, 0)"),
      count: knex.raw("count(*) filter (where c.status <> 'rejected')"),
    })
    .whereIn("c.affiliate_id", affiliateIds)
    .whereNull("c.deleted_at")
    .groupBy("c.affiliate_id", "c.currency_code")
    .orderBy(["c.affiliate_id", "c.currency_code"])

  return rows.map((row) => ({
    affiliate_id: row.affiliate_id,
    currency_code: row.currency_code,
    commission_count: Number(row.count),
    pending: Number(row.pending),
    approved: Number(row.approved),
    paid: Number(row.paid),
    rejected: Number(row.rejected),
    adjustments: Number(row.adjustments),
    net: Number(row.net),
  }))
}
