import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import reconcileOrderCredits, {
  config as reconcileJob,
  type CreditUndecidedOrdersResult,
  firstOrderIdAt,
} from "../src/jobs/reconcile-order-credits"
import { AFFILIATE_MODULE } from "../src/modules/affiliate"
import type AffiliateModuleService from "../src/modules/affiliate/service"
import { creditOrderWorkflow } from "../src/workflows"
import { log, median, printTable, round, scaled, timed, writeResult } from "./lib/report"

/**
 * What the reconciliation job costs at a busy store: N placed orders in the
 * last days, all decided (the steady state), seeded with SQL as copies of one
 * real order. Timed side by side: crediting one order (the unit of work the
 * job exists for), the job's first run (no watermark: it reads the whole
 * 7-day window once) and its later runs (from the watermark: only new orders).
 */
const ORDERS = scaled(100_000, 1000)
const RUNS = 5

async function seedOrders(container: MedusaContainer) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const idPrefix = firstOrderIdAt(new Date(Date.now() - 6 * 24 * 60 * 60 * 1000))
  const [template] = await container.resolve(Modules.ORDER).createOrders([
    { currency_code: "usd", email: "bench-reconcile@example.com", status: "pending" },
  ])
  // Copies of the template, spread over the last six days, each already decided;
  // their ids sort by time like Medusa's (the copies' are all of six days ago).
  await knex.raw(
    `insert into "order"
     select (jsonb_populate_record(template, jsonb_build_object(
       'id', ?::text || lpad(i::text, 16, '0'),
       'display_id', 1000000 + i,
       'created_at', now() - interval '6 days' + (i * interval '6 days' / ?)
     ))).*
     from "order" template, generate_series(1, ?) as i
     where template.id = ?`,
    [idPrefix, ORDERS, ORDERS, template.id]
  )
  await knex.raw(
    `insert into affiliate_order_attribution (id, order_id, outcome)
     select 'affattr_bench_' || ?::text || lpad(i::text, 16, '0'), ?::text || lpad(i::text, 16, '0'), 'no_affiliate'
     from generate_series(1, ?) as i`,
    // Named after their orders, so a rerun on a kept database (DATABASE_URL) adds its own.
    [idPrefix, idPrefix, ORDERS]
  )
  await knex.raw(`analyze "order"; analyze affiliate_order_attribution`)
  return template.id as string
}

export default async function reconcileBenchmark({ container }: ExecArgs) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  log(`Seeding ${ORDERS} placed, decided orders…`)
  const templateId = await seedOrders(container)

  const crediting: number[] = []
  const firstRuns: number[] = []
  const laterRuns: number[] = []
  const outcomes: { first: CreditUndecidedOrdersResult; later: CreditUndecidedOrdersResult }[] = []
  for (let run = 0; run < RUNS; run++) {
    // One crediting: the template order, undecided again each round.
    const [decision] = await service.listAffiliateOrderAttributions({ order_id: templateId })
    if (decision) {
      await service.deleteAffiliateOrderAttributions(decision.id)
    }
    crediting.push((await timed(() => creditOrderWorkflow(container).run({ input: { order_id: templateId } }))).ms)

    // The first run after installing: no watermark yet.
    const [watermark] = await service.listAffiliateJobCursors({ job: reconcileJob.name })
    if (watermark) {
      await service.deleteAffiliateJobCursors(watermark.id)
    }
    const first = await timed(() => reconcileOrderCredits(container))
    firstRuns.push(first.ms)
    // Every run after it: from the watermark, with nothing new.
    const later = await timed(() => reconcileOrderCredits(container))
    laterRuns.push(later.ms)
    // What each run found to do: orders left undecided by earlier benchmarks, or failing.
    outcomes.push({ first: first.result, later: later.result })
  }
  for (const [round, { first, later }] of outcomes.entries()) {
    log(
      `round ${round + 1}: first run read ${first.read}, decided ${first.credited}, failed ${first.failed}; ` +
        `later run read ${later.read}, decided ${later.credited}, failed ${later.failed}`
    )
  }

  const unit = median(crediting)
  const rows = [
    { path: "one crediting (creditOrderWorkflow)", runs: RUNS, "ms (median)": round(unit), "÷ one crediting": 1 },
    {
      path: `job, first run (reads ${ORDERS} orders)`,
      runs: RUNS,
      "ms (median)": round(median(firstRuns)),
      "÷ one crediting": round(median(firstRuns) / unit),
    },
    {
      path: "job, later runs (from the watermark)",
      runs: RUNS,
      "ms (median)": round(median(laterRuns)),
      "÷ one crediting": round(median(laterRuns) / unit),
    },
  ]
  printTable(`Order reconciliation with ${ORDERS} placed orders in the window, all decided`, rows)
  writeResult(`reconcile-${ORDERS}`, { orders: ORDERS, crediting, firstRuns, laterRuns, outcomes })
}
