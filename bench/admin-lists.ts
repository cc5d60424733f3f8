import type { ExecArgs } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  benchScale,
  log,
  median,
  printTable,
  round,
  scaled,
  since,
  sleep,
  summarize,
  writeResult,
} from "./lib/report"
import type { Summary } from "./lib/report"

/**
 * Admin lists at scale: N customers (100,000 at BENCH_SCALE=1), ~1,000
 * affiliates, one active connection per customer and M commissions
 * (1,000,000), seeded with SQL; then the connections and commissions lists
 * (first page, deep page, one affiliate, one customer's email) beside
 * Medusa's own GET /admin/customers, over HTTP against `medusa start`, in
 * one interleaved run; then EXPLAIN ANALYZE of the SQL behind them. Run
 * through `npm run bench` (BENCH_ONLY=lists), which sets BENCH_URL and the
 * admin login; BENCH_REPETITIONS overrides the number of runs.
 */

const PAGE_SIZE = 20
// Bench rows carry these id prefixes, so a rerun on a kept database can find them.
const IDS = {
  customer: "cus_bench_",
  affiliate: "aff_bench_",
  connection: "affconn_bench_",
  commission: "affcom_bench_",
}
const pad = (prefix: string, width: number, column: string) =>
  `'${prefix}' || lpad((${column})::text, ${width}, '0')`
const TABLES = ["customer", "affiliate", "affiliate_connection", "affiliate_commission"]

type Sizes = { customers: number; affiliates: number; commissions: number }
type Request = { name: string; list: string; path: string; baseline?: string; expectCount?: number }
type Row = Record<string, string | number>


async function countBenchRows(knex: Knex, table: string, prefix: string) {
  const [{ count }] = await knex(table).where("id", "like", `${prefix}%`).count({ count: "*" })
  return Number(count)
}

/** Seeds with a few INSERT … SELECT over generate_series; a kept database with the same sizes is reused. */
async function seed(knex: Knex, sizes: Sizes) {
  const existing = {
    customers: await countBenchRows(knex, "customer", IDS.customer),
    affiliates: await countBenchRows(knex, "affiliate", IDS.affiliate),
    commissions: await countBenchRows(knex, "affiliate_commission", IDS.commission),
  }
  if (
    existing.customers === sizes.customers &&
    existing.affiliates === sizes.affiliates &&
    existing.commissions === sizes.commissions
  ) {
    log("Reusing the bench rows already in the database.")
    return { seconds: 0, reused: true }
  }

  const start = performance.now()
  const { customers: n, affiliates: a, commissions: m } = sizes
  const customerId = pad(IDS.customer, 7, "i")
  // The connection's affiliate for customer i: a stride coprime with `a` spreads customers evenly.
  const affiliateOf = (column: string) => pad(IDS.affiliate, 5, `1 + (${column}::bigint * 7919) % ${a}`)
  // Two years of history, oldest first, so physical order follows created_at as it would in a real store.
  const epoch = "now() - interval '730 days'"
  const at = (column: string, total: number) =>
    `${epoch} + ${column} * (interval '730 days' / ${total})`

  await knex.transaction(async (trx) => {
    // Flushed at commit, so the VACUUM below can mark the pages all-visible at once.
    await trx.raw("set local synchronous_commit = on")
    for (const [table, prefix] of [
      ["affiliate_commission", IDS.commission],
      ["affiliate_connection", IDS.connection],
      ["affiliate", IDS.affiliate],
      ["customer", IDS.customer],
    ]) {
      await trx(table).where("id", "like", `${prefix}%`).delete()
    }

    log(`Seeding ${n} customers…`)
    await trx.raw(`
      insert into customer (id, email, first_name, last_name, has_account, created_at, updated_at)
      select ${customerId}, 'bench-customer-' || i || '@example.com',
        (array['Ada','Ben','Cora','Dan','Eve','Finn','Gia','Hugo'])[1 + i % 8], 'Bench' || i,
        i % 2 = 0, ${at("i", n)}, ${at("i", n)}
      from generate_series(1, ${n}) as i`)

    log(`Seeding ${a} affiliates…`)
    await trx.raw(`
      insert into affiliate (id, name, email, code, status, created_at, updated_at)
      select ${pad(IDS.affiliate, 5, "i")}, 'Bench Affiliate ' || i,
        'bench-affiliate-' || i || '@example.com', 'BENCH' || i, 'approved',
        ${at("i", a)}, ${at("i", a)}
      from generate_series(1, ${a}) as i`)

    log(`Seeding ${n} connections…`)
    await trx.raw(`
      insert into affiliate_connection (id, affiliate_id, customer_id, source, created_at, updated_at)
      select ${pad(IDS.connection, 7, "i")}, ${affiliateOf("i")}, ${customerId},
        (array['admin','referral','import','api'])[1 + i % 4],
        ${at("i", n)} + interval '1 hour', ${at("i", n)} + interval '1 hour'
      from generate_series(1, ${n}) as i`)

    // Commission j is an order of customer 1 + (j-1) % n, credited to that customer's
    // affiliate; order ids are unique, so (order_id, affiliate_id) is too.
    log(`Seeding ${m} commissions…`)
    await trx.raw(`
      insert into affiliate_commission (id, affiliate_id, order_id, order_display_id, customer_id, currency_code,
        base_amount, rate, amount, raw_base_amount, raw_rate, raw_amount,
        attribution, status, reason, created_at, updated_at)
      select id, affiliate_id, order_id, order_display_id, customer_id, currency_code,
        base_amount, rate, amount,
        jsonb_build_object('value', base_amount::text, 'precision', 20),
        jsonb_build_object('value', rate::text, 'precision', 20),
        jsonb_build_object('value', amount::text, 'precision', 20),
        attribution, status, case when status = 'rejected' then 'order_canceled' end,
        created_at, created_at
      from (
        select id, affiliate_id, order_id, order_display_id, customer_id, currency_code, base_amount, rate,
          round(base_amount * rate / 100, 2) as amount, attribution, status, created_at
        from (
          select ${pad(IDS.commission, 8, "j")} as id,
            ${affiliateOf("i")} as affiliate_id,
            ${pad("order_bench_", 8, "j")} as order_id,
            -- Crediting copies the order's display id onto its commission.
            j as order_display_id,
            ${customerId} as customer_id,
            (array['eur','usd'])[1 + j % 2] as currency_code,
            round(10 + (j * 37 % 49000) / 100.0, 2) as base_amount,
            (array[5, 10, 12.5, 15])[1 + j % 4]::numeric as rate,
            (array['connection','connection','connection','coupon','link'])[1 + j % 5] as attribution,
            (array['pending','pending','pending','pending','approved','approved','approved','paid','paid','rejected'])[1 + j % 10] as status,
            ${at("j", m)} as created_at
          from generate_series(1, ${m}) as j, lateral (select 1 + (j - 1) % ${n} as i) as c
        ) as raw
      ) as priced`)
  })

  // A bulk load leaves statistics stale and the visibility map empty (no
  // index-only scans); autovacuum would catch up within minutes, so do it now
  // rather than measure it. VACUUM marks a page all-visible only once the
  // commits of its rows are flushed to the WAL, which this asynchronously
  // committing database does within 200 ms: vacuum again until it has.
  log("VACUUM, ANALYZE…")
  let visibility: { relname: string; relpages: number; relallvisible: number }[] = []
  let vacuumPasses = 0
  while (vacuumPasses < 10) {
    vacuumPasses++
    await knex.raw(`vacuum ${TABLES.join(", ")}`)
    visibility = await knex("pg_class")
      .select("relname", "relpages", "relallvisible")
      .whereIn("relname", TABLES)
    if (visibility.every(({ relpages, relallvisible }) => relallvisible >= relpages * 0.99)) {
      break
    }
    await sleep(300)
  }
  await knex.raw(`analyze ${TABLES.join(", ")}`)
  return { seconds: round(since(start) / 1000), reused: false, vacuum_passes: vacuumPasses, visibility }
}

type PlanNode = {
  "Node Type": string
  "Relation Name"?: string
  "Index Name"?: string
  "Actual Rows"?: number
  "Actual Loops"?: number
  Plans?: PlanNode[]
}
type Explained = { "QUERY PLAN": { Plan: PlanNode; "Execution Time": number }[] }

/** The scans of a plan, one phrase each: how each table was read and how many rows came out. */
function scans(node: PlanNode): string[] {
  const rows = Math.round((node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1))
  const index = node["Index Name"] ? ` using ${node["Index Name"]}` : ""
  const table = node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""
  const own = index || table ? [`${node["Node Type"]}${index}${table} (${rows} rows)`] : []
  return [...own, ...(node.Plans ?? []).flatMap(scans)]
}

/** EXPLAIN ANALYZE (no per-node timing, which would slow the counts), five times: the median execution time and the scans. */
async function explain(knex: Knex, sql: string) {
  const times: number[] = []
  let plan: string[] = []
  for (let i = 0; i < 5; i++) {
    const { rows } = (await knex.raw(`explain (analyze, timing off, format json) ${sql}`)) as { rows: Explained[] }
    const [result] = rows[0]["QUERY PLAN"]
    times.push(result["Execution Time"])
    plan = scans(result.Plan)
  }
  return { ms: round(median(times), 2), plan: plan.join("; ") }
}

/**
 * The SQL the lists run, as PostgreSQL's log shows it (log_min_duration_statement=0),
 * trimmed to the columns that matter for the plan.
 */
function listQueries(sizes: Sizes, affiliateId: string, customerId: string, email: string) {
  const live = `"a0"."deleted_at" is null`
  const withAffiliate = `left join "affiliate" as "a1" on "a0"."affiliate_id" = "a1"."id" and "a1"."deleted_at" is null`
  const search = ["company_name", "first_name", "last_name", "email", "phone"]
    .map((column) => `"c0"."${column}" ilike '%${email}%'`)
    .join(" or ")
  const connections = `from "affiliate_connection" as "a0" ${withAffiliate} where ${live} and "a0"."ended_at" is null`
  const commissions = `from "affiliate_commission" as "a0" ${withAffiliate} where ${live}`
  const page = `limit ${PAGE_SIZE}`
  return {
    "customers: count (Medusa)": `select count(*) from "customer" as "c0" where "c0"."deleted_at" is null`,
    "customers: deep page (Medusa)": `select "c0".* from "customer" as "c0" where "c0"."deleted_at" is null order by "c0"."id" asc ${page} offset ${sizes.customers - PAGE_SIZE}`,
    "customers: email search (Medusa's and ours)": `select "c0"."id" from "customer" as "c0" where (${search}) and "c0"."deleted_at" is null order by "c0"."created_at" desc limit 1000`,
    "connections: count": `select count(*) ${connections}`,
    "connections: first page": `select "a0".*, "a1"."name" ${connections} order by "a0"."created_at" desc ${page}`,
    "connections: deep page ids (from the end)": `select "a0"."id" from "affiliate_connection" as "a0" where ${live} and "a0"."ended_at" is null order by "a0"."created_at" asc, "a0"."id" asc ${page}`,
    "connections: by affiliate": `select "a0".*, "a1"."name" ${connections} and "a0"."affiliate_id" = '${affiliateId}' order by "a0"."created_at" desc ${page}`,
    "connections: by customer": `select "a0".*, "a1"."name" ${connections} and "a0"."customer_id" in ('${customerId}') order by "a0"."created_at" desc ${page}`,
    "commissions: count": `select count(*) ${commissions}`,
    "commissions: count up to 10,001 (first page)": `select count(*) from (select 1 from "affiliate_commission" as "a0" where ${live} limit 10001) as "capped"`,
    "commissions: first page ids": `select "a0"."id" from "affiliate_commission" as "a0" where ${live} order by "a0"."created_at" desc, "a0"."id" desc ${page}`,
    "commissions: deep page ids (from the end)": `select "a0"."id" from "affiliate_commission" as "a0" where ${live} order by "a0"."created_at" asc, "a0"."id" asc ${page}`,
    "commissions: deep page, whole rows (before)": `select "a0".*, "a1"."name" ${commissions} order by "a0"."created_at" desc ${page} offset ${sizes.commissions - PAGE_SIZE}`,
    "commissions: by affiliate": `select "a0".*, "a1"."name" ${commissions} and "a0"."affiliate_id" = '${affiliateId}' order by "a0"."created_at" desc ${page}`,
    "commissions: by customer": `select "a0".*, "a1"."name" ${commissions} and "a0"."customer_id" in ('${customerId}') order by "a0"."created_at" desc ${page}`,
  }
}

async function login(url: string, email: string, password: string) {
  const response = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) {
    throw new Error(`Admin login failed: ${response.status} ${await response.text()}`)
  }
  const { token } = (await response.json()) as { token: string }
  return { authorization: `Bearer ${token}` }
}

type ListBody = { count: number } & Record<string, unknown>

async function get(url: string, headers: Record<string, string>, path: string) {
  const response = await fetch(`${url}${path}`, { headers })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 500)}`)
  }
  return JSON.parse(text) as ListBody
}

const rowsOf = (body: ListBody) =>
  Object.values(body).find((value): value is unknown[] => Array.isArray(value)) ?? []

export default async function adminLists({ container }: ExecArgs) {
  const url = process.env.BENCH_URL
  const email = process.env.BENCH_ADMIN_EMAIL
  const password = process.env.BENCH_ADMIN_PASSWORD
  if (!url || !email || !password) {
    throw new Error("BENCH_URL, BENCH_ADMIN_EMAIL and BENCH_ADMIN_PASSWORD are set by `npm run bench`")
  }
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const sizes: Sizes = {
    customers: scaled(100_000, 100),
    affiliates: scaled(1_000, 10),
    commissions: scaled(1_000_000, 100),
  }
  // More repetitions at full size, where the p95 is the figure the README reports.
  const repetitions = Number(process.env.BENCH_REPETITIONS ?? (benchScale() >= 1 ? 60 : 30))
  const warmup = 3

  const seeding = await seed(knex, sizes)
  const headers = await login(url, email, password)

  // One customer mid-table (ten commissions at full size) and the first affiliate (~1/1000 of everything).
  const probeCustomer = Math.ceil(sizes.customers / 2)
  const probeEmail = encodeURIComponent(`bench-customer-${probeCustomer}@example.com`)
  const affiliateId = `${IDS.affiliate}00001`
  // The commissions' first page answers the planner's estimate past 10,000
  // (estimate_count); the deep page needs the true end, counted here.
  const firstCommissions = await get(url, headers, "/admin/affiliate-commissions?limit=1")
  const [{ count: liveCommissions }] = await knex("affiliate_commission")
    .whereNull("deleted_at")
    .count({ count: "*" })
  const totals = {
    connections: (await get(url, headers, "/admin/affiliate-connections?limit=1")).count,
    commissions: Number(liveCommissions),
    commissions_first_page_count: firstCommissions.count,
    commissions_estimated: "estimate_count" in firstCommissions,
    customers: (await get(url, headers, "/admin/customers?limit=1")).count,
  }
  log(
    `Commissions: ${totals.commissions}; the first page answers ${totals.commissions_first_page_count}` +
      (totals.commissions_estimated ? " (estimate_count)" : "")
  )
  const deep = (total: number) => Math.max(0, total - PAGE_SIZE)
  // Our lists are measured as the admin pages request them (newest first);
  // Medusa's customers as its own customers page does (no order: by id).
  const page = `limit=${PAGE_SIZE}`
  // Commission j belongs to customer 1 + (j - 1) % n.
  const probeCommissions = Math.floor((sizes.commissions - probeCustomer) / sizes.customers) + 1
  const ours = (list: string, path: string, total: number, found: number): Request[] => [
    { name: `${list} first page`, list, baseline: "customers first page", path: `${path}?${page}&order=-created_at` },
    { name: `${list} deep page`, list, baseline: "customers deep page", path: `${path}?${page}&offset=${deep(total)}&order=-created_at` },
    { name: `${list} by affiliate`, list, baseline: "customers first page", path: `${path}?${page}&order=-created_at&affiliate_id=${affiliateId}` },
    { name: `${list} email search`, list, baseline: "customers email search", path: `${path}?${page}&order=-created_at&q=${probeEmail}`, expectCount: found },
  ]
  const requests: Request[] = [
    { name: "customers first page", list: "customers", path: `/admin/customers?${page}` },
    { name: "customers deep page", list: "customers", path: `/admin/customers?${page}&offset=${deep(totals.customers)}` },
    { name: "customers email search", list: "customers", path: `/admin/customers?${page}&q=${probeEmail}`, expectCount: 1 },
    // A reference, not a target: what one relation costs Medusa's own list (our lists show two).
    { name: "customers first page +groups", list: "customers", path: `/admin/customers?${page}&fields=*groups` },
    ...ours("connections", "/admin/affiliate-connections", totals.connections, 1),
    ...ours("commissions", "/admin/affiliate-commissions", totals.commissions, probeCommissions),
  ]

  // Sanity: every request answers rows, and the searches find the probe customer.
  for (const request of requests) {
    const body = await get(url, headers, request.path)
    if (!rowsOf(body).length || (request.expectCount !== undefined && body.count !== request.expectCount)) {
      throw new Error(
        `GET ${request.path} returned ${rowsOf(body).length} rows, count ${body.count}` +
          (request.expectCount !== undefined ? ` (expected ${request.expectCount})` : "")
      )
    }
  }

  log(`Measuring ${requests.length} requests × ${repetitions} (interleaved, ${warmup} warm-up rounds)…`)
  const timings = new Map<string, number[]>(requests.map((request) => [request.name, []]))
  for (let pass = 0; pass < warmup + repetitions; pass++) {
    for (const request of requests) {
      const start = performance.now()
      await get(url, headers, request.path)
      if (pass >= warmup) {
        timings.get(request.name)!.push(since(start))
      }
    }
  }

  const summaries = new Map<string, Summary>(
    requests.map((request) => [request.name, summarize(timings.get(request.name)!)])
  )
  const rows: Row[] = requests.map((request) => {
    const own = summaries.get(request.name)!
    const base = request.baseline ? summaries.get(request.baseline) : undefined
    return {
      request: request.name,
      p50_ms: round(own.p50),
      p95_ms: round(own.p95),
      min_ms: round(own.min),
      max_ms: round(own.max),
      vs: request.baseline ?? "",
      p50_ratio: base ? round(own.p50 / base.p50, 2) : "",
      p95_ratio: base ? round(own.p95 / base.p95, 2) : "",
    }
  })

  log("EXPLAIN ANALYZE of the lists' SQL…")
  const probeCustomerId = `${IDS.customer}${String(probeCustomer).padStart(7, "0")}`
  const plans: Row[] = []
  for (const [query, sql] of Object.entries(
    listQueries(sizes, affiliateId, probeCustomerId, `bench-customer-${probeCustomer}@example.com`)
  )) {
    plans.push({ query, ...(await explain(knex, sql)) })
  }

  const indexes = await knex("pg_indexes")
    .select("tablename", "indexname", "indexdef")
    .whereIn("tablename", TABLES)
    .orderBy(["tablename", "indexname"])

  printTable(
    `Admin lists, limit ${PAGE_SIZE}: ${sizes.customers} customers and connections, ` +
      `${sizes.commissions} commissions, ${sizes.affiliates} affiliates; ` +
      `${repetitions} interleaved runs each (ratio = ours / Medusa's matching customers request)`,
    rows
  )
  printTable("EXPLAIN ANALYZE (median of 5)", plans)
  const p95Ratios = rows.filter((row) => row.vs).map((row) => Number(row.p95_ratio))
  log(`Median p95 ratio over our ${p95Ratios.length} requests: ${round(median(p95Ratios), 2)}`)

  writeResult("lists", {
    sizes,
    totals,
    page_size: PAGE_SIZE,
    repetitions,
    warmup_rounds: warmup,
    seeding,
    requests: requests.map((request) => ({
      ...request,
      ...summaries.get(request.name),
      samples_ms: timings.get(request.name)!.map((ms) => round(ms, 2)),
    })),
    table: rows,
    explain: plans,
    indexes,
  })
}
