import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { countedCommissions, type MoneyAmount, moneyColumns, type ReportFilter } from "./reports"

export const LEADERBOARD_ORDERS = [
  "visits",
  "unique_visitors",
  "orders",
  "conversion_rate",
  "revenue",
  "commission",
] as const
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number]

export type LeaderboardFilter = Omit<ReportFilter, "interval"> & {
  /** Money orders compare amounts in `currency_code`. */
  order: LeaderboardOrder
  skip: number
  take: number
}

export type LeaderboardRow = {
  affiliate: { id: string; name: string; code: string | null }
  visits: number
  unique_visitors: number
  orders: number
  conversion_rate: number | null
  revenue: MoneyAmount[]
  commission: MoneyAmount[]
}

/**
 * The affiliates with clicks or credited orders in the range, best first by
 * `order` (ties by name), a page of them and their number; the same
 * figures as the program report, per affiliate.
 */
export async function listLeaderboard(
  knex: Knex,
  filter: LeaderboardFilter
): Promise<[LeaderboardRow[], number]> {
  const visits = knex("affiliate_visit_stat")
    .select("affiliate_id", knex.raw("sum(visits) as visits"), knex.raw("sum(unique_visitors) as unique_visitors"))
    .whereNull("deleted_at")
    .where("day", ">=", filter.from)
    .where("day", "<", filter.until)
    .groupBy("affiliate_id")
    .as("v")
  const orders = countedCommissions(knex, filter)
    .select(
      "c.affiliate_id",
      knex.raw("count(distinct c.order_id) as orders"),
      knex.raw("count(distinct c.order_id) filter (where c.attribution = 'link') as link_orders")
    )
    .groupBy("c.affiliate_id")
    .as("o")
  const money = countedCommissions(knex, filter)
    .select("c.affiliate_id", ...moneyColumns(knex))
    .where("c.currency_code", filter.currency_code ?? "")
    .groupBy("c.affiliate_id")
    .as("m")

  const rows = knex("affiliate as a")
    .leftJoin(visits, "v.affiliate_id", "a.id")
    .leftJoin(orders, "o.affiliate_id", "a.id")
    .leftJoin(money, "m.affiliate_id", "a.id")
    .whereNull("a.deleted_at")
    .where((query) => query.whereNotNull("v.affiliate_id").orWhereNotNull("o.affiliate_id"))
  if (filter.affiliate_ids) {
    rows.whereIn("a.id", filter.affiliate_ids)
  }
  if (filter.program_id) {
    rows.where("a.program_id", filter.program_id)
  }
  const [page, [{ count }]] = await Promise.all([
    rows
      .clone()
      .select(
        "a.id",
        "a.name",
        "a.code",
        ...(["visits", "unique_visitors", "orders", "conversion_rate"] as const).map((figure) =>
          knex.raw(`${FIGURES[figure]} as ${figure}`)
        )
      )
      .orderByRaw(`${FIGURES[filter.order]} desc nulls last, a.name asc, a.id asc`)
      .limit(filter.take)
      .offset(filter.skip),
    rows.clone().count<{ count: string }[]>({ count: "*" }),
  ])
  const amounts = await moneyOf(
    knex,
    filter,
    page.map((row: { id: string }) => row.id)
  )
  return [
    page.map((row: Record<string, string | null>) => ({
      affiliate: { id: row.id as string, name: row.name as string, code: row.code },
      visits: Number(row.visits),
      unique_visitors: Number(row.unique_visitors),
      orders: Number(row.orders),
      conversion_rate: row.conversion_rate === null ? null : Number(row.conversion_rate),
      revenue: amounts.get(row.id as string)?.revenue ?? [],
      commission: amounts.get(row.id as string)?.commission ?? [],
    })),
    Number(count),
  ]
}

// Each figure's expression, selected and ordered by: fixed text for the fixed
// order names, so nothing from the request reaches the SQL.
const FIGURES: Record<LeaderboardOrder, string> = {
  visits: "coalesce(v.visits, 0)",
  unique_visitors: "coalesce(v.unique_visitors, 0)",
  orders: "coalesce(o.orders, 0)",
  conversion_rate:
    "case when coalesce(v.unique_visitors, 0) > 0 then coalesce(o.link_orders, 0)::numeric / v.unique_visitors end",
  revenue: "coalesce(m.revenue, 0)",
  commission: "coalesce(m.commission, 0)",
}

/** Revenue and net commission per currency of each affiliate on the page. */
async function moneyOf(knex: Knex, filter: LeaderboardFilter, affiliateIds: string[]) {
  const byAffiliate = new Map<string, { revenue: MoneyAmount[]; commission: MoneyAmount[] }>()
  if (!affiliateIds.length) {
    return byAffiliate
  }
  const rows: { affiliate_id: string; currency_code: string; revenue: string; commission: string }[] =
    await countedCommissions(knex, filter)
      .select("c.affiliate_id", "c.currency_code", ...moneyColumns(knex))
      .whereIn("c.affiliate_id", affiliateIds)
      .groupBy("c.affiliate_id", "c.currency_code")
      .orderBy("c.currency_code")
  for (const row of rows) {
    const entry = byAffiliate.get(row.affiliate_id) ?? { revenue: [], commission: [] }
    entry.revenue.push({ currency_code: row.currency_code, amount: Number(row.revenue) })
    entry.commission.push({ currency_code: row.currency_code, amount: Number(row.commission) })
    byAffiliate.set(row.affiliate_id, entry)
  }
  return byAffiliate
}
