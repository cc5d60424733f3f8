import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createAffiliatesWorkflow } from "../src/workflows"
import { log, printTable, round, scaled, since, summarize, writeResult } from "./lib/report"

/**
 * Recording a click (issue 23): `POST /store/affiliate-visits` beside
 * Medusa's `GET /store/regions`, interleaved on one server, N each (200 at
 * BENCH_SCALE=1); then 500 clicks at 50 concurrent, every one of which must
 * be answered and counted. Each request comes from its own client address
 * (X-Forwarded-For, as behind a proxy), as real visitors do, so the per-client
 * rate limit does not apply. Run through `npm run bench` (BENCH_ONLY=visits).
 */

const CODE = "BENCHVISIT"
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
const CONCURRENT = { clicks: 500, at_once: 50 }

const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

export default async function visitsBenchmark({ container }: ExecArgs) {
  const url = process.env.BENCH_URL
  if (!url) {
    throw new Error("BENCH_URL is not set: run through `npm run bench` (BENCH_ONLY=visits)")
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Bench visits", type: "publishable", created_by: "bench" }] },
  })
  const [existing] = await knex("affiliate").where({ code: CODE }).select("id")
  if (!existing) {
    await createAffiliatesWorkflow(container).run({
      input: { affiliates: [{ name: "Bench Visits", email: "visits@bench.test", code: CODE, status: "approved" }] },
    })
  }

  let client = 0
  const headers = () => ({
    "content-type": "application/json",
    "x-publishable-api-key": key.token,
    "user-agent": BROWSER,
    "x-forwarded-for": clientAddress(++client),
  })
  const timedRequest = async (path: string, init: RequestInit = {}) => {
    const start = performance.now()
    const response = await fetch(`${url}${path}`, { ...init, headers: headers() })
    await response.arrayBuffer()
    if (!response.ok) {
      throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}`)
    }
    return since(start)
  }
  const visit = () =>
    timedRequest("/store/affiliate-visits", {
      method: "POST",
      body: JSON.stringify({ code: CODE, landing_url: "/products/shirt", sub_id: "bench" }),
    })
  const regions = () => timedRequest("/store/regions")

  // Warm both paths, then interleave them so the machine's noise falls on both alike.
  for (let i = 0; i < 10; i++) {
    await visit()
    await regions()
  }
  const n = scaled(200, 20)
  const times = { visit: [] as number[], regions: [] as number[] }
  for (let i = 0; i < n; i++) {
    times.visit.push(await visit())
    times.regions.push(await regions())
  }
  const visitSummary = summarize(times.visit)
  const regionsSummary = summarize(times.regions)

  const [{ count: before }] = await knex("affiliate_visit").count({ count: "*" })
  const concurrentStart = performance.now()
  let errors = 0
  for (let sent = 0; sent < CONCURRENT.clicks; sent += CONCURRENT.at_once) {
    const batch = Array.from({ length: CONCURRENT.at_once }, () => visit().catch(() => errors++))
    await Promise.all(batch)
  }
  const concurrentSeconds = since(concurrentStart) / 1000
  const [{ count: after }] = await knex("affiliate_visit").count({ count: "*" })
  const counted = Number(after) - Number(before)

  printTable(`Recording a click, ${n} requests each, interleaved (ms)`, [
    { request: "POST /store/affiliate-visits", ...visitSummary },
    { request: "GET /store/regions (Medusa)", ...regionsSummary },
  ])
  const ratios = { p50: round(visitSummary.p50 / regionsSummary.p50, 2), p95: round(visitSummary.p95 / regionsSummary.p95, 2) }
  log(`Ratio to GET /store/regions: p50 ${ratios.p50}×, p95 ${ratios.p95}× (target: at most 1.5×)`)
  log(
    `${CONCURRENT.clicks} clicks at ${CONCURRENT.at_once} concurrent: ${errors} errors, ${counted} counted, ` +
      `${round(concurrentSeconds, 1)} s (target: no error, every one counted)`
  )
  writeResult("visits", {
    requests: n,
    visit: visitSummary,
    regions: regionsSummary,
    ratios,
    concurrent: { ...CONCURRENT, errors, counted, seconds: concurrentSeconds },
  })
}
