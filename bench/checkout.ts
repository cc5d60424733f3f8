import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Event, ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  DEMO_SALES_CHANNEL,
  type DemoOrder,
  type DemoStore,
  placeOrder,
  seedStore,
} from "../src/scripts/demo-store"
import orderPlacedHandler, {
  config as orderPlacedConfig,
} from "../src/subscribers/order-placed"
import {
  assignAffiliatePromotionsWorkflow,
  createAffiliateConnectionWorkflow,
  createAffiliatesWorkflow,
} from "../src/workflows"
import { AFFILIATE_MODULE } from "../src/modules/affiliate"
import type AffiliateModuleService from "../src/modules/affiliate/service"
import {
  log,
  median,
  printTable,
  round,
  scaled,
  since,
  sleep,
  summarize,
  type Summary,
  writeResult,
} from "./lib/report"

/**
 * Crediting overhead (issue 6): real checkouts through Medusa's cart
 * workflows, alternating the plugin's `order.placed` work on and off, with a
 * minimal reference subscriber (one query, one insert) for comparison.
 *
 * `npx medusa exec bench/checkout.ts` on a database without the demo store
 * (`npm run bench` makes one). BENCH_SCALE=1: 100 checkouts per case and mode.
 */

const MODES = ["off", "on", "reference"] as const
type Mode = (typeof MODES)[number]

const CASES = ["connection", "coupon", "link", "rules"] as const
type Case = (typeof CASES)[number]
/** How each case's order is credited: `rules` is a link order under a program of 100 rules. */
const ATTRIBUTION_OF: Record<Case, string> = {
  connection: "connection",
  coupon: "coupon",
  link: "link",
  rules: "link",
}

const AFFILIATE = {
  name: "Bench Affiliate",
  email: "affiliate@bench.test",
  code: "BENCH",
  status: "approved" as const,
}
const COUPON_CODE = "BENCH10"
const CONNECTED_EMAIL = "connected@bench.test"
/** An affiliate in a program with RULE_COUNT commission rules. */
const RULES_AFFILIATE = {
  name: "Bench Rules Affiliate",
  email: "rules@bench.test",
  code: "BENCHRULES",
  status: "approved" as const,
}
const RULE_COUNT = 100
const REFERENCE_TABLE = "bench_checkout_reference"
/** Rounds run before measuring, so JIT and caches are warm; discarded. */
const WARMUP_ROUNDS = 1
/** The measured rounds are cut into blocks; the spread of their ratios shows the noise. */
const BLOCKS = 5
const POLL_INTERVAL_MS = 3
const WAIT_TIMEOUT_MS = 30_000

type Fixture = {
  store: DemoStore
  connectedCustomerId: string
}

type Sample = {
  round: number
  case: Case
  mode: Mode
  order_id: string
  checkout_ms: number
  /** The subscriber's own work (null when off). */
  work_ms: number | null
  /** From completeCart returning to the written row being visible (null when off). */
  visible_ms: number | null
}


// ---------------------------------------------------------------- setup

async function assertFreshDatabase(container: MedusaContainer) {
  const channels = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: DEMO_SALES_CHANNEL }, { select: ["id"] })
  if (channels.length) {
    throw new Error(
      "bench/checkout.ts sets up its own store and needs a database without one " +
        "(the demo's or an earlier run's): run it through `npm run bench`."
    )
  }
}

/** The store, an approved affiliate with a coupon and a connected customer. */
async function setUp(container: MedusaContainer): Promise<Fixture> {
  const store = await seedStore(container)
  const {
    result: [affiliate],
  } = await createAffiliatesWorkflow(container).run({
    input: { affiliates: [AFFILIATE] },
  })
  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: COUPON_CODE,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: {
            type: "percentage",
            target_type: "order",
            allocation: "across",
            value: 10,
            currency_code: "eur",
          },
        },
      ],
    },
  })
  await assignAffiliatePromotionsWorkflow(container).run({
    input: { affiliate_id: affiliate.id, codes: [COUPON_CODE] },
  })
  const { result: connection } = await createAffiliateConnectionWorkflow(container).run({
    input: {
      affiliate_id: affiliate.id,
      customer: { email: CONNECTED_EMAIL, first_name: "Connie", last_name: "Connected" },
      source: "admin",
      created_by: "bench",
    },
  })
  await setUpRulesProgram(container, store)
  return { store, connectedCustomerId: connection.customer_id }
}

/**
 * A program of RULE_COUNT rules, as a store with per-product rates might
 * have: the shirt's collection at 15 %, the mug's category excluded, and
 * product rules for other products. Its affiliate's orders come by link.
 */
async function setUpRulesProgram(container: MedusaContainer, store: DemoStore) {
  const products = container.resolve(Modules.PRODUCT)
  const variants = await products.listProductVariants(
    { id: [store.variants.shirt, store.variants.mug] },
    { select: ["id", "product_id"] }
  )
  const productOf = (variantId: string) => variants.find((v) => v.id === variantId)!.product_id!
  const [collection] = await products.createProductCollections([{ title: "Bench summer" }])
  await products.updateProducts(productOf(store.variants.shirt), { collection_id: collection.id })
  const category = await products.createProductCategories({ name: "Bench gift cards", is_active: true })
  await products.updateProducts(productOf(store.variants.mug), { category_ids: [category.id] })

  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const program = await service.createAffiliatePrograms({ name: "Bench rules", commission_rate: 10 })
  await service.createAffiliateCommissionRules([
    { program_id: program.id, target: "collection", target_id: collection.id, kind: "percentage", rate: 15 },
    { program_id: program.id, target: "category", target_id: category.id, kind: "excluded" },
    ...Array.from({ length: RULE_COUNT - 2 }, (_, i) => ({
      program_id: program.id,
      target: "product" as const,
      target_id: `prod_bench_${i}`,
      kind: "percentage" as const,
      rate: 5 + (i % 10),
    })),
  ])
  const {
    result: [affiliate],
  } = await createAffiliatesWorkflow(container).run({ input: { affiliates: [RULES_AFFILIATE] } })
  await service.updateAffiliates({ id: affiliate.id, program_id: program.id })
}

async function createReferenceTable(knex: Knex) {
  await knex.raw(
    `create table if not exists ${REFERENCE_TABLE} (
       order_id text primary key,
       customer_id text,
       item_total numeric,
       created_at timestamptz not null default now()
     )`
  )
}

// ---------------------------------------------------------------- subscribers

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void }

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** What a minimal order.placed subscriber does: read the order once, write one row. */
async function referenceWork(container: MedusaContainer, knex: Knex, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "currency_code", "item_total"],
    filters: { id: orderId },
  })
  await knex(REFERENCE_TABLE).insert({
    order_id: order.id,
    customer_id: order.customer_id,
    item_total: Number(order.item_total),
  })
}

/**
 * Stands in for the plugin's subscriber: in "on" checkouts it calls the
 * plugin's real handler, in "reference" ones the minimal work, in "off" ones
 * nothing; each delivery's own duration is kept by order id. The event may
 * arrive before completeCart returns, hence the deferred per order.
 */
class OrderPlacedProbe {
  mode: Mode = "off"
  private readonly deliveries = new Map<string, Deferred<number | null>>()

  constructor(
    private readonly container: MedusaContainer,
    private readonly knex: Knex
  ) {}

  readonly subscriber = async (event: Event<{ id: string }>) => {
    const mode = this.mode
    const delivery = this.delivery(event.data.id)
    try {
      delivery.resolve(await this.work(mode, event))
    } catch (error) {
      delivery.reject(error)
    }
  }

  /** The duration of the order's delivery, once it is done. */
  async workOf(orderId: string): Promise<number | null> {
    const timeout = sleep(WAIT_TIMEOUT_MS).then(() => {
      throw new Error(`order.placed for ${orderId} not handled within ${WAIT_TIMEOUT_MS} ms`)
    })
    try {
      return await Promise.race([this.delivery(orderId).promise, timeout])
    } finally {
      this.deliveries.delete(orderId)
    }
  }

  private delivery(orderId: string) {
    let delivery = this.deliveries.get(orderId)
    if (!delivery) {
      delivery = deferred<number | null>()
      this.deliveries.set(orderId, delivery)
    }
    return delivery
  }

  private async work(mode: Mode, event: Event<{ id: string }>): Promise<number | null> {
    if (mode === "off") {
      return null
    }
    const start = performance.now()
    if (mode === "on") {
      await orderPlacedHandler({
        event: { ...event, name: "order.placed" },
        container: this.container,
        pluginOptions: {},
      })
    } else {
      await referenceWork(this.container, this.knex, event.data.id)
    }
    return since(start)
  }
}

/**
 * Replaces the plugin's subscriber with the probe. The local event bus
 * removes a listener by subscriber id (the abstract bus's bookkeeping keeps
 * the id, so the probe gets an id of its own).
 */
function installProbe(container: MedusaContainer, probe: OrderPlacedProbe) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const subscriberId = orderPlacedConfig.context?.subscriberId
  if (!subscriberId) {
    throw new Error("the plugin's order.placed subscriber has no subscriberId to remove it by")
  }
  eventBus.unsubscribe("order.placed", probe.subscriber, { subscriberId })
  eventBus.subscribe("order.placed", probe.subscriber, {
    subscriberId: "bench-checkout-order-placed",
  })
}

// ---------------------------------------------------------------- checkouts

let buyerSequence = 0

/** The order each case places; guests get a new email so no connection interferes. */
function orderFor(fixture: Fixture, kase: Case): DemoOrder {
  const items = [
    { variant_id: fixture.store.variants.shirt, quantity: 2 },
    { variant_id: fixture.store.variants.mug, quantity: 1 },
  ]
  const guestEmail = () => `buyer-${Date.now().toString(36)}-${++buyerSequence}@bench.test`
  switch (kase) {
    case "connection":
      return { email: CONNECTED_EMAIL, customer_id: fixture.connectedCustomerId, items }
    case "coupon":
      return { email: guestEmail(), items, promoCodes: [COUPON_CODE] }
    case "link":
      return { email: guestEmail(), items, referralCode: AFFILIATE.code }
    case "rules":
      return { email: guestEmail(), items, referralCode: RULES_AFFILIATE.code }
  }
}

/** Milliseconds from `start` until the query finds a row. */
async function pollUntilVisible(
  find: () => Promise<unknown>,
  start: number,
  what: string
): Promise<number> {
  while (!(await find())) {
    if (since(start) > WAIT_TIMEOUT_MS) {
      throw new Error(`${what} not visible within ${WAIT_TIMEOUT_MS} ms`)
    }
    await sleep(POLL_INTERVAL_MS)
  }
  return since(start)
}

function visibleRow(knex: Knex, mode: Mode, orderId: string) {
  if (mode === "on") {
    return () =>
      knex("affiliate_commission").where({ order_id: orderId }).whereNull("deleted_at").first("id")
  }
  return () => knex(REFERENCE_TABLE).where({ order_id: orderId }).first("order_id")
}

async function checkout(
  container: MedusaContainer,
  knex: Knex,
  probe: OrderPlacedProbe,
  fixture: Fixture,
  round: number,
  kase: Case,
  mode: Mode
): Promise<Sample> {
  probe.mode = mode
  const start = performance.now()
  const orderId = await placeOrder(container, fixture.store, orderFor(fixture, kase))
  const checkoutMs = since(start)
  const placed = performance.now()
  const visibleMs =
    mode === "off"
      ? null
      : await pollUntilVisible(visibleRow(knex, mode, orderId), placed, `row for ${orderId} (${mode})`)
  // The next checkout starts only when this delivery is done, so none overlap.
  const workMs = await probe.workOf(orderId)
  return { round, case: kase, mode, order_id: orderId, checkout_ms: checkoutMs, work_ms: workMs, visible_ms: visibleMs }
}

/** Mode order rotates per round, so drift over the run hits every mode alike. */
const modesOfRound = (round: number): Mode[] =>
  MODES.map((_, i) => MODES[(i + round) % MODES.length])

async function runRounds(
  container: MedusaContainer,
  knex: Knex,
  probe: OrderPlacedProbe,
  fixture: Fixture,
  rounds: number
): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let round = -WARMUP_ROUNDS; round < rounds; round++) {
    for (const kase of CASES) {
      for (const mode of modesOfRound(round + WARMUP_ROUNDS)) {
        const sample = await checkout(container, knex, probe, fixture, round, kase, mode)
        if (round >= 0) {
          samples.push(sample)
        }
      }
    }
    if (round >= 0 && (round + 1) % Math.max(1, Math.round(rounds / 10)) === 0) {
      log(`  round ${round + 1}/${rounds}`)
    }
  }
  return samples
}

// ---------------------------------------------------------------- checks

/**
 * Every "on" order got its commission by the expected attribution, and no
 * other order was decided at all: proof the plugin's own subscriber was off.
 */
async function verifyCrediting(knex: Knex, samples: Sample[]) {
  const on = samples.filter((s) => s.mode === "on")
  const commissions: { order_id: string; attribution: string }[] = await knex("affiliate_commission")
    .whereIn("order_id", on.map((s) => s.order_id))
    .whereNull("deleted_at")
    .select("order_id", "attribution")
  const wrong = on.filter(
    (s) => commissions.find((c) => c.order_id === s.order_id)?.attribution !== ATTRIBUTION_OF[s.case]
  )
  if (wrong.length) {
    throw new Error(`${wrong.length} "on" orders lack their ${wrong[0].case} commission (e.g. ${wrong[0].order_id})`)
  }
  const others = samples.filter((s) => s.mode !== "on").map((s) => s.order_id)
  const decided = await knex("affiliate_order_attribution").whereIn("order_id", others).count({ n: "*" })
  if (Number(decided[0].n)) {
    throw new Error(`${decided[0].n} orders placed with the plugin off were credited anyway`)
  }
}

// ---------------------------------------------------------------- report

const values = (samples: Sample[], key: "checkout_ms" | "work_ms" | "visible_ms") =>
  samples.map((s) => s[key]).filter((v): v is number => v !== null)

const percentOf = (part: number, whole: number) => (part / whole) * 100

/** The work's p50 as % of the off checkout's p50, per block of rounds. */
function blockPercents(samples: Sample[], mode: Mode, rounds: number): number[] {
  const size = Math.ceil(rounds / Math.min(BLOCKS, rounds))
  const blocks: number[] = []
  for (let first = 0; first < rounds; first += size) {
    const inBlock = samples.filter((s) => s.round >= first && s.round < first + size)
    const off = median(values(inBlock.filter((s) => s.mode === "off"), "checkout_ms"))
    blocks.push(percentOf(median(values(inBlock.filter((s) => s.mode === mode), "work_ms")), off))
  }
  return blocks
}

type CaseResult = {
  case: Case
  n: number
  checkout_off: Summary
  checkout_on: Summary
  checkout_reference: Summary
  plugin_work: Summary
  plugin_work_pct: { p50: number; p95: number; blocks: number[] }
  reference_work: Summary
  reference_work_pct: { p50: number; p95: number; blocks: number[] }
  commission_visible: Summary
  reference_visible: Summary
}

function summarizeCase(samples: Sample[], kase: Case, rounds: number): CaseResult {
  const ofCase = samples.filter((s) => s.case === kase)
  const byMode = (mode: Mode) => ofCase.filter((s) => s.mode === mode)
  const off = summarize(values(byMode("off"), "checkout_ms"))
  const work = summarize(values(byMode("on"), "work_ms"))
  const reference = summarize(values(byMode("reference"), "work_ms"))
  return {
    case: kase,
    n: off.n,
    checkout_off: off,
    checkout_on: summarize(values(byMode("on"), "checkout_ms")),
    checkout_reference: summarize(values(byMode("reference"), "checkout_ms")),
    plugin_work: work,
    plugin_work_pct: {
      p50: percentOf(work.p50, off.p50),
      p95: percentOf(work.p95, off.p50),
      blocks: blockPercents(ofCase, "on", rounds),
    },
    reference_work: reference,
    reference_work_pct: {
      p50: percentOf(reference.p50, off.p50),
      p95: percentOf(reference.p95, off.p50),
      blocks: blockPercents(ofCase, "reference", rounds),
    },
    commission_visible: summarize(values(byMode("on"), "visible_ms")),
    reference_visible: summarize(values(byMode("reference"), "visible_ms")),
  }
}

const spread = (blocks: number[]) =>
  `${round(Math.min(...blocks))}–${round(Math.max(...blocks))}`

function tableRow(result: CaseResult) {
  return {
    case: result.case,
    N: result.n,
    "off p50": result.checkout_off.p50,
    "off p95": result.checkout_off.p95,
    "on p50": result.checkout_on.p50,
    "on p95": result.checkout_on.p95,
    "plugin p50": result.plugin_work.p50,
    "plugin p95": result.plugin_work.p95,
    "plugin %": `${round(result.plugin_work_pct.p50)} / ${round(result.plugin_work_pct.p95)}`,
    "plugin % blocks": spread(result.plugin_work_pct.blocks),
    "ref p50": result.reference_work.p50,
    "ref p95": result.reference_work.p95,
    "ref %": `${round(result.reference_work_pct.p50)} / ${round(result.reference_work_pct.p95)}`,
    "visible p50": result.commission_visible.p50,
    "visible p95": result.commission_visible.p95,
  }
}

// ---------------------------------------------------------------- main

export default async function checkoutBenchmark({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rounds = scaled(100, 2)

  await assertFreshDatabase(container)
  log("Setting up the store, affiliate, coupon and connected customer…")
  const fixture = await setUp(container)
  await createReferenceTable(knex)

  const probe = new OrderPlacedProbe(container, knex)
  installProbe(container, probe)

  log(
    `Checkouts: ${rounds} rounds × ${CASES.length} cases × ${MODES.length} modes ` +
      `(+${WARMUP_ROUNDS} warm-up rounds)…`
  )
  const started = performance.now()
  const samples = await runRounds(container, knex, probe, fixture, rounds)
  const elapsedS = since(started) / 1000
  await verifyCrediting(knex, samples)

  const results = CASES.map((kase) => summarizeCase(samples, kase, rounds))
  printTable(
    "Checkout with the plugin's order.placed work off / on (ms; plugin % = work p50 / p95 ÷ off checkout p50; " +
      "blocks = p50 % per fifth of the run; ref = one query + one insert; visible = completeCart return → commission row)",
    results.map(tableRow)
  )
  writeResult("checkout", {
    rounds,
    warmup_rounds: WARMUP_ROUNDS,
    elapsed_s: round(elapsedS),
    targets: { plugin_work_pct_max: 5, commission_visible_ms_max: 1000 },
    cases: results,
    samples,
  })
}
