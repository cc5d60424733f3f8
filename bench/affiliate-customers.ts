import type { ExecArgs } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  benchScale,
  log,
  printTable,
  round,
  scaled,
  since,
  summarize,
  writeResult,
} from "./lib/report"
import type { Summary } from "./lib/report"

/**
 * An affiliate's customers list at scale: two affiliates signed up over HTTP,
 * one with 100 connected customers and one with N (100,000 at BENCH_SCALE=1),
 * seeded with SQL; then `GET /store/affiliates/me/customers` for each, first
 * and last page, interleaved over HTTP against `medusa start`. The page should
 * cost the same at N as at 100. Run through `npm run bench`
 * (BENCH_ONLY=customers), which sets BENCH_URL and the admin login;
 * BENCH_REPETITIONS overrides the number of runs.
 */

const PAGE_SIZE = 20
const SMALL = 100
// Bench rows carry these id prefixes, so a rerun on a kept database replaces them.
const IDS = { customer: "cus_affcust_", connection: "affconn_affcust_" }

type Request = { name: string; token: string; path: string; count: number; baseline?: string }

async function call(url: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${url}${path}`, init)
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text.slice(0, 500)}`)
  }
  return JSON.parse(text) as Record<string, unknown>
}

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(url, path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  })

/** A publishable key made through the admin API, as a merchant would. */
async function publishableKey(url: string, email: string, password: string) {
  const { token } = (await post(url, "/auth/user/emailpass", { email, password })) as { token: string }
  const { api_key } = (await post(
    url,
    "/admin/api-keys",
    { title: "Bench storefront", type: "publishable" },
    { authorization: `Bearer ${token}` }
  )) as { api_key: { token: string } }
  return api_key.token
}

/** Public sign-up as an affiliate would do it; returns the affiliate and a token that carries it. */
async function signUp(url: string, key: string, email: string, name: string) {
  const password = "bench-password"
  const registered = (await post(url, "/auth/affiliate/emailpass/register", { email, password })) as {
    token: string
  }
  const { affiliate } = (await post(
    url,
    "/store/affiliates",
    { name },
    { "x-publishable-api-key": key, authorization: `Bearer ${registered.token}` }
  )) as { affiliate: { id: string } }
  const { token } = (await post(url, "/auth/affiliate/emailpass", { email, password })) as { token: string }
  return { id: affiliate.id, token }
}

/** Customers 1..total, the first `small` connected to one affiliate and the rest to the other. */
async function seed(knex: Knex, small: string, large: string, sizes: { small: number; large: number }) {
  const total = sizes.small + sizes.large
  const customerId = `'${IDS.customer}' || lpad(i::text, 7, '0')`
  const at = `now() - interval '730 days' + i * (interval '730 days' / ${total})`
  await knex.transaction(async (trx) => {
    await trx("affiliate_connection").where("id", "like", `${IDS.connection}%`).delete()
    await trx("customer").where("id", "like", `${IDS.customer}%`).delete()
    await trx.raw(`
      insert into customer (id, email, first_name, has_account, created_at, updated_at)
      select ${customerId}, 'affcust-' || i || '@example.com',
        (array['Ada','Ben','Cora','Dan'])[1 + i % 4], true, ${at}, ${at}
      from generate_series(1, ${total}) as i`)
    await trx.raw(
      `insert into affiliate_connection (id, affiliate_id, customer_id, source, created_at, updated_at)
       select '${IDS.connection}' || lpad(i::text, 7, '0'),
         case when i <= ${sizes.small} then ? else ? end, ${customerId}, 'referral', ${at}, ${at}
       from generate_series(1, ${total}) as i`,
      [small, large]
    )
  })
  await knex.raw("vacuum analyze customer, affiliate_connection")
}

export default async function affiliateCustomers({ container }: ExecArgs) {
  const url = process.env.BENCH_URL
  const email = process.env.BENCH_ADMIN_EMAIL
  const password = process.env.BENCH_ADMIN_PASSWORD
  if (!url || !email || !password) {
    throw new Error("BENCH_URL, BENCH_ADMIN_EMAIL and BENCH_ADMIN_PASSWORD are set by `npm run bench`")
  }
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const sizes = { small: SMALL, large: scaled(100_000, 1_000) }
  const repetitions = Number(process.env.BENCH_REPETITIONS ?? (benchScale() >= 1 ? 100 : 50))
  const warmup = 3

  const key = await publishableKey(url, email, password)
  const run = Date.now()
  const small = await signUp(url, key, `affcust-small-${run}@example.com`, "Small Affiliate")
  const large = await signUp(url, key, `affcust-large-${run}@example.com`, "Large Affiliate")
  log(`Seeding ${sizes.small} + ${sizes.large} connected customers…`)
  const seedStart = performance.now()
  await seed(knex, small.id, large.id, sizes)
  const seconds = round(since(seedStart) / 1000)

  const path = (offset: number) => `/store/affiliates/me/customers?limit=${PAGE_SIZE}&offset=${offset}`
  const last = (count: number) => Math.floor((count - 1) / PAGE_SIZE) * PAGE_SIZE
  const requests: Request[] = [
    { name: `first page, ${sizes.small} customers`, token: small.token, path: path(0), count: sizes.small },
    {
      name: `first page, ${sizes.large} customers`,
      token: large.token,
      path: path(0),
      count: sizes.large,
      baseline: `first page, ${sizes.small} customers`,
    },
    { name: `last page, ${sizes.small} customers`, token: small.token, path: path(last(sizes.small)), count: sizes.small },
    {
      name: `last page, ${sizes.large} customers`,
      token: large.token,
      path: path(last(sizes.large)),
      count: sizes.large,
      baseline: `last page, ${sizes.small} customers`,
    },
  ]
  const get = (request: Request) =>
    call(url, request.path, {
      headers: { "x-publishable-api-key": key, authorization: `Bearer ${request.token}` },
    })

  // Sanity: each page is full and counts every customer.
  for (const request of requests) {
    const body = (await get(request)) as { customers: unknown[]; count: number }
    if (body.count !== request.count || body.customers.length !== PAGE_SIZE) {
      throw new Error(
        `GET ${request.path} (${request.name}) returned ${body.customers.length} rows, count ${body.count}`
      )
    }
  }

  log(`Measuring ${requests.length} requests × ${repetitions} (interleaved, ${warmup} warm-up rounds)…`)
  const timings = new Map<string, number[]>(requests.map((request) => [request.name, []]))
  for (let pass = 0; pass < warmup + repetitions; pass++) {
    for (const request of requests) {
      const start = performance.now()
      await get(request)
      if (pass >= warmup) {
        timings.get(request.name)!.push(since(start))
      }
    }
  }

  const summaries = new Map<string, Summary>(
    requests.map((request) => [request.name, summarize(timings.get(request.name)!)])
  )
  const rows = requests.map((request) => {
    const own = summaries.get(request.name)!
    const base = request.baseline ? summaries.get(request.baseline) : undefined
    return {
      request: request.name,
      p50_ms: round(own.p50),
      p95_ms: round(own.p95),
      min_ms: round(own.min),
      max_ms: round(own.max),
      p50_ratio: base ? round(own.p50 / base.p50, 2) : "",
      p95_ratio: base ? round(own.p95 / base.p95, 2) : "",
    }
  })
  printTable(
    `GET /store/affiliates/me/customers, limit ${PAGE_SIZE}: ${sizes.small} vs ${sizes.large} connected ` +
      `customers; ${repetitions} interleaved runs each (ratio = ${sizes.large} ÷ ${sizes.small})`,
    rows
  )
  writeResult("affiliate-customers", {
    sizes,
    page_size: PAGE_SIZE,
    repetitions,
    warmup_rounds: warmup,
    seeding_seconds: seconds,
    requests: requests.map(({ token: _, ...request }) => ({
      ...request,
      ...summaries.get(request.name),
      samples_ms: timings.get(request.name)!.map((ms) => round(ms, 2)),
    })),
    table: rows,
  })
}
