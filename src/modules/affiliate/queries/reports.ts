import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { currencyPrecision } from "../utils/money"
import { REPORT_INTERVALS, type ReportInterval, reportBuckets } from "../utils/report-buckets"

export type ReportFilter = {
  /** First UTC day of the range. */
  from: Date
  /** The UTC day after the range's last. */
  until: Date
  interval: ReportInterval
  affiliate_ids?: string[]
  program_id?: string
  currency_code?: string
  /** Also the clicks per `sub_id`: an affiliate's own report, their channels. */
  include_sub_ids?: boolean
}

export type MoneyAmount = { currency_code: string; amount: number }

const ATTRIBUTIONS = ["connection", "coupon", "link", "manual"] as const

export type ReportFigures = {
  visits: number
  unique_visitors: number
  orders: number
  orders_by_attribution: Record<(typeof ATTRIBUTIONS)[number], number>
  /** Link orders per unique visitor (a fraction); null without visitors. */
  conversion_rate: number | null
  /** The commission base of the orders credited. */
  revenue: MoneyAmount[]
  /** Net commission: credited, less refunds; bonuses and deductions included. */
  commission: MoneyAmount[]
  average_order_value: MoneyAmount[]
  earnings_per_click: MoneyAmount[]
}

export type SubIdFigures = { sub_id: string | null; visits: number; unique_visitors: number }

/** The most sub_ids a report lists, most clicked first. */
const SUB_IDS_SHOWN = 50

export type ProgramReport = {
  totals: ReportFigures
  series: (ReportFigures & { start: string })[]
  sub_ids?: SubIdFigures[]
}

type VisitRow = { bucket: Date | null; visits: string; unique_visitors: string }
type LedgerRow = {
  bucket: Date | null
  currency_code: string
  attribution: (typeof ATTRIBUTIONS)[number]
  orders: string
  revenue: string
  commission: string
}

/**
 * The program's figures over a range, per interval and in total: clicks and
 * unique visitors from the daily visit counts, orders and money from the
 * ledger (commissions not rejected, credited in the range, net of their
 * adjustments). Totals come from the same rows as the series (grouping
 * sets), so the series always add up to them, to the cent.
 */
export async function reportProgram(knex: Knex, filter: ReportFilter): Promise<ProgramReport> {
  const [visitRows, ledgerRows, subIds] = await Promise.all([
    visitFigures(knex, filter),
    ledgerFigures(knex, filter),
    filter.include_sub_ids ? subIdFigures(knex, filter) : undefined,
  ])
  const figuresOf = (bucket: string | null) =>
    figures(
      visitRows.filter((row) => key(row.bucket) === bucket),
      ledgerRows.filter((row) => key(row.bucket) === bucket)
    )
  return {
    totals: figuresOf(null),
    series: reportBuckets(filter.from, filter.until, filter.interval).map((start) => ({
      start: start.toISOString(),
      ...figuresOf(start.toISOString()),
    })),
    ...(subIds && { sub_ids: subIds }),
  }
}

/** Clicks and unique visitors per sub_id over the range (null: links without one). */
async function subIdFigures(knex: Knex, filter: ReportFilter): Promise<SubIdFigures[]> {
  const query = knex("affiliate_visit_stat")
    .select("sub_id", knex.raw("sum(visits) as visits"), knex.raw("sum(unique_visitors) as unique_visitors"))
    .whereNull("deleted_at")
    .where("day", ">=", filter.from)
    .where("day", "<", filter.until)
    .groupBy("sub_id")
    .orderByRaw("sum(visits) desc, sub_id asc")
    .limit(SUB_IDS_SHOWN)
  if (filter.affiliate_ids) {
    query.whereIn("affiliate_id", filter.affiliate_ids)
  }
  const rows: { sub_id: string; visits: string; unique_visitors: string }[] = await query
  return rows.map((row) => ({
    sub_id: row.sub_id || null,
    visits: Number(row.visits),
    unique_visitors: Number(row.unique_visitors),
  }))
}

const key = (bucket: Date | null) => (bucket ? new Date(bucket).toISOString() : null)

/**
 * The interval's start of a timestamp column, in UTC. The unit is written
 * into the SQL, not bound: the same expression must appear in the select and
 * the grouping, and it is one of three fixed words.
 */
function bucketOf(column: string, interval: ReportInterval) {
  if (!REPORT_INTERVALS.includes(interval)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `interval must be one of ${REPORT_INTERVALS.join(", ")}`)
  }
  return `date_trunc('${interval}', ${column} at time zone 'utc')`
}

function visitFigures(knex: Knex, filter: ReportFilter): Promise<VisitRow[]> {
  const query = knex("affiliate_visit_stat as s")
    .select(
      knex.raw(`${bucketOf("s.day", filter.interval)} at time zone 'utc' as bucket`),
      knex.raw("sum(s.visits) as visits"),
      knex.raw("sum(s.unique_visitors) as unique_visitors")
    )
    .whereNull("s.deleted_at")
    .where("s.day", ">=", filter.from)
    .where("s.day", "<", filter.until)
    .groupByRaw(`grouping sets ((${bucketOf("s.day", filter.interval)}), ())`)
  if (filter.affiliate_ids) {
    query.whereIn("s.affiliate_id", filter.affiliate_ids)
  }
  if (filter.program_id) {
    query.whereIn("s.affiliate_id", knex("affiliate").select("id").where("program_id", filter.program_id))
  }
  return query
}

/**
 * The commissions a report counts, aliased `c`: not rejected, credited in
 * the range, of the filter's affiliates, program and currency, joined to
 * their adjustments' total (`adj.total`). Both the report and the
 * leaderboard read the ledger through it.
 */
export function countedCommissions(knex: Knex, filter: Omit<ReportFilter, "interval">) {
  const adjustments = knex("affiliate_commission_adjustment")
    .select("commission_id", knex.raw("sum(amount) as total"))
    .whereNull("deleted_at")
    .groupBy("commission_id")
    .as("adj")
  const query = knex("affiliate_commission as c")
    .leftJoin(adjustments, "adj.commission_id", "c.id")
    .whereNull("c.deleted_at")
    .whereNot("c.status", "rejected")
    .where("c.created_at", ">=", filter.from)
    .where("c.created_at", "<", filter.until)
  if (filter.affiliate_ids) {
    query.whereIn("c.affiliate_id", filter.affiliate_ids)
  }
  if (filter.program_id) {
    query.where("c.program_id", filter.program_id)
  }
  if (filter.currency_code) {
    query.where("c.currency_code", filter.currency_code)
  }
  return query
}

/** Revenue (the base of orders, bonuses have none) and net commission of counted commissions. */
export const moneyColumns = (knex: Knex) => [
  knex.raw("coalesce(sum(c.base_amount) filter (where c.order_id is not null), 0) as revenue"),
  knex.raw("sum(c.amount + coalesce(adj.total, 0)) as commission"),
]

function ledgerFigures(knex: Knex, filter: ReportFilter): Promise<LedgerRow[]> {
  return countedCommissions(knex, filter)
    .select(
      knex.raw(`${bucketOf("c.created_at", filter.interval)} at time zone 'utc' as bucket`),
      "c.currency_code",
      "c.attribution",
      knex.raw("count(distinct c.order_id) as orders"),
      ...moneyColumns(knex)
    )
    .groupByRaw(
      `grouping sets ((${bucketOf("c.created_at", filter.interval)}, c.currency_code, c.attribution), ` +
        "(c.currency_code, c.attribution))"
    )
}

/** Sums per currency, exactly (the database's numeric sums as text). */
function perCurrency(rows: LedgerRow[], field: "revenue" | "commission"): Map<string, string> {
  const sums = new Map<string, string>()
  for (const row of rows) {
    const previous = sums.get(row.currency_code) ?? "0"
    sums.set(row.currency_code, MathBN.add(previous, row[field]).toString())
  }
  return sums
}

const money = (sums: Map<string, string>): MoneyAmount[] =>
  [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, amount]) => ({ currency_code, amount: Number(amount) }))

/** amount ÷ count, rounded to the currency's precision; none when count is 0. */
function ratio(sums: Map<string, string>, countOf: (currency: string) => number): MoneyAmount[] {
  return money(
    new Map(
      [...sums.entries()]
        .filter(([currency]) => countOf(currency) > 0)
        .map(([currency, amount]) => [
          currency,
          (Number(amount) / countOf(currency)).toFixed(currencyPrecision(currency)),
        ])
    )
  )
}

function figures(visitRows: VisitRow[], ledgerRows: LedgerRow[]): ReportFigures {
  const visits = Number(visitRows[0]?.visits ?? 0)
  const uniqueVisitors = Number(visitRows[0]?.unique_visitors ?? 0)
  const byAttribution = Object.fromEntries(ATTRIBUTIONS.map((attribution) => [attribution, 0])) as Record<
    (typeof ATTRIBUTIONS)[number],
    number
  >
  const ordersByCurrency = new Map<string, number>()
  for (const row of ledgerRows) {
    byAttribution[row.attribution] += Number(row.orders)
    ordersByCurrency.set(row.currency_code, (ordersByCurrency.get(row.currency_code) ?? 0) + Number(row.orders))
  }
  const revenue = perCurrency(ledgerRows, "revenue")
  const commission = perCurrency(ledgerRows, "commission")
  return {
    visits,
    unique_visitors: uniqueVisitors,
    orders: [...ordersByCurrency.values()].reduce((sum, count) => sum + count, 0),
    orders_by_attribution: byAttribution,
    conversion_rate: uniqueVisitors ? byAttribution.link / uniqueVisitors : null,
    revenue: money(revenue),
    commission: money(commission),
    average_order_value: ratio(revenue, (currency) => ordersByCurrency.get(currency) ?? 0),
    earnings_per_click: ratio(commission, () => visits),
  }
}
