import type { ExecArgs, MedusaContainer, Subscriber } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createCustomerGroupsWorkflow,
  createCustomersWorkflow,
  linkCustomersToCustomerGroupWorkflow,
} from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../src/modules/affiliate"
import { AffiliateEvents } from "../src/modules/affiliate/events"
import type AffiliateModuleService from "../src/modules/affiliate/service"
import {
  SYNC_RUN_BATCH_SIZE,
  startAffiliateSyncRunWorkflow,
  updateAffiliateSettingsWorkflow,
} from "../src/workflows"
import {
  log,
  mb,
  median,
  printTable,
  round,
  RssSampler,
  scaled,
  since,
  sleep,
  writeResult,
} from "./lib/report"

/**
 * Resync at scale: a full account-sync run over N approved affiliates (half
 * of them already store customers, all with their own login, as affiliates
 * who signed up are) beside Medusa's own createCustomersWorkflow +
 * linkCustomersToCustomerGroupWorkflow for N customers and the same two
 * groups, in batches of the run's size. Usage: medusa exec bench/resync.ts <N>
 * (N at BENCH_SCALE=1; the run uses N × BENCH_SCALE).
 */

const TAGS = ["Affiliates", "Partners"]
const SEED_CHUNK = 500

type Phase = {
  wall_ms: number
  per_second: number
  rss_start_mb: number
  rss_peak_mb: number
  /** The most heap in use right after a collection: what the phase keeps alive. */
  live_heap_peak_mb: number | null
}

/**
 * With --expose-gc (bench/run.js passes it) garbage is collected every
 * second during a phase, so RSS follows memory in use rather than when V8
 * chooses to collect, and live heap is measured; the collections' time is
 * not counted in the phase's wall time.
 */
const GC_EVERY_MS = 1000

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size)
  )

/** Affiliates that signed up themselves: an emailpass identity each; every other one is already a customer. */
async function seedAffiliates(container: MedusaContainer, size: number, label: string) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const auth = container.resolve(Modules.AUTH)
  const customers = container.resolve(Modules.CUSTOMER)
  const indexes = Array.from({ length: size }, (_, i) => i)

  for (const chunk of chunks(indexes, SEED_CHUNK)) {
    const emails = chunk.map((i) => `bench-affiliate-${label}-${i}@example.com`)
    const affiliates = await service.createAffiliates(
      chunk.map((i, k) => ({
        name: `Bench Affiliate ${label} ${i}`,
        email: emails[k],
        code: `BENCH${label}X${i}`.toUpperCase().replace(/[^A-Z0-9]/g, ""),
        status: "approved" as const,
      }))
    )
    const existing = await customers.createCustomers(
      chunk
        .map((i, k) => ({ i, email: emails[k] }))
        .filter(({ i }) => i % 2 === 0)
        .map(({ email }) => ({ email, has_account: true }))
    )
    const customerByEmail = new Map(existing.map((customer) => [customer.email, customer.id]))
    const identities = await auth.createAuthIdentities(
      affiliates.map((affiliate) => ({
        // Signed up with a password (its hash is never checked here): sync sends no invite.
        provider_identities: [
          {
            provider: "emailpass",
            entity_id: affiliate.email,
            provider_metadata: { password: "bench-password-hash" },
          },
        ],
        app_metadata: {
          affiliate_id: affiliate.id,
          ...(customerByEmail.has(affiliate.email) && {
            customer_id: customerByEmail.get(affiliate.email),
          }),
        },
      }))
    )
    // Sign-up records each affiliate's login on the affiliate.
    await service.setAffiliateAccounts(
      affiliates.map((affiliate, k) => ({
        affiliate_id: affiliate.id,
        customer_id: null,
        auth_identity_id: identities[k].id,
      }))
    )
  }
}

/** Hides the affiliates of a finished measurement so the next run starts from the same state. */
async function retireAffiliates(container: MedusaContainer) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  for (;;) {
    const batch = await service.listAffiliates({ status: "approved" }, { select: ["id"], take: 1000 })
    if (!batch.length) {
      return
    }
    await service.softDeleteAffiliates(batch.map(({ id }) => id))
  }
}

async function measure(work: () => Promise<void>, size: number): Promise<Phase> {
  const collect = global.gc
  collect?.()
  let livePeak = 0
  // The forced collections are the benchmark's own work: their time is left out.
  let collectingMs = 0
  const sampleLiveHeap = () => {
    const start = performance.now()
    collect?.()
    collectingMs += since(start)
    livePeak = Math.max(livePeak, mb(process.memoryUsage().heapUsed))
  }
  const collector = collect ? setInterval(sampleLiveHeap, GC_EVERY_MS) : null
  const sampler = new RssSampler().start()
  const rssStart = mb(process.memoryUsage().rss)
  const start = performance.now()
  await work()
  const wall = since(start) - collectingMs
  const peak = sampler.peak()
  sampler.stop()
  if (collector) {
    clearInterval(collector)
    sampleLiveHeap()
  }
  return {
    wall_ms: round(wall, 0),
    per_second: round((size / wall) * 1000, 1),
    rss_start_mb: rssStart,
    rss_peak_mb: peak,
    live_heap_peak_mb: collect ? livePeak : null,
  }
}

/** Ids of the sync runs that have completed, from their `completed` events. */
function watchCompletedRuns(container: MedusaContainer) {
  const completed = new Set<string>()
  const subscriber: Subscriber<{ id: string }> = async ({ data }) => {
    completed.add(data.id)
  }
  container
    .resolve(Modules.EVENT_BUS)
    .subscribe(AffiliateEvents.SYNC_RUN_COMPLETED, subscriber, {
      subscriberId: "bench-sync-run-completed",
    })
  return completed
}

/**
 * A full run as the Resync button starts it, timed until its `completed`
 * event (polling would compete with the run); a slow poll catches a failure.
 */
async function runAccountSync(container: MedusaContainer, size: number, completed: Set<string>) {
  const { result } = await startAffiliateSyncRunWorkflow(container).run({
    input: { trigger: "resync" },
  })
  if (!result.created) {
    throw new Error(`Another sync run (${result.run_id}) was active: nothing to measure`)
  }
  const run = await waitForRun(container, result.run_id, completed)
  if (run.processed !== size || run.failed > 0) {
    throw new Error(
      `The sync run processed ${run.processed} of ${size} affiliates with ${run.failed} failures: ${JSON.stringify(run.errors)}`
    )
  }
}

/** Waits for a run's `completed` event; a slow poll catches a failure. */
async function waitForRun(container: MedusaContainer, runId: string, completed: Set<string>) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  for (let tick = 0; !completed.has(runId); tick++) {
    if (tick % 100 === 99) {
      const { status, message } = await service.retrieveAffiliateSyncRun(runId)
      if (status === "failed") {
        throw new Error(`The sync run failed: ${message}`)
      }
    }
    await sleep(5)
  }
  return service.retrieveAffiliateSyncRun(runId)
}

/** Medusa's own path for the same number of customers and the same two groups. */
async function runMedusaCustomers(container: MedusaContainer, size: number, label: string) {
  const { result: groups } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: TAGS.map((name) => ({ name: `${name} ${label}` })) },
  })
  const indexes = Array.from({ length: size }, (_, i) => i)
  for (const chunk of chunks(indexes, SYNC_RUN_BATCH_SIZE)) {
    const { result: created } = await createCustomersWorkflow(container).run({
      input: {
        customersData: chunk.map((i) => ({
          email: `bench-medusa-${label}-${i}@example.com`,
          first_name: "Bench",
          last_name: `Customer ${i}`,
          has_account: true,
        })),
      },
    })
    for (const group of groups) {
      await linkCustomersToCustomerGroupWorkflow(container).run({
        input: { id: group.id, add: created.map((customer) => customer.id) },
      })
    }
  }
}

export default async function resyncBenchmark({ container, args }: ExecArgs) {
  const fullSize = Number(args[0] ?? 1000)
  const size = scaled(fullSize, 10)
  const repeats = Number(process.env.BENCH_RESYNC_REPEATS ?? (size <= 2000 ? 3 : 1))

  const completedRuns = watchCompletedRuns(container)
  // The run syncs every approved affiliate: start from none.
  await retireAffiliates(container)
  const {
    result: { sync_run_id },
  } = await updateAffiliateSettingsWorkflow(container).run({
    input: { account_sync: { enabled: true, tags: TAGS } },
  })
  // Switching sync on starts a run (over no affiliates): let it end first.
  if (sync_run_id) {
    await waitForRun(container, sync_run_id, completedRuns)
  }
  // A small unmeasured round first: the first workflow runs of a process are slow.
  const warmUp = Math.min(size, 50)
  await seedAffiliates(container, warmUp, `warm${Date.now().toString(36)}`)
  await runAccountSync(container, warmUp, completedRuns)
  await retireAffiliates(container)
  await runMedusaCustomers(container, warmUp, `warm${Date.now().toString(36)}`)

  const ours: Phase[] = []
  const medusa: Phase[] = []
  for (let repeat = 0; repeat < repeats; repeat++) {
    const label = `${size}r${repeat}t${Date.now().toString(36)}`
    await seedAffiliates(container, size, label)
    const medusaPhase = () => measure(() => runMedusaCustomers(container, size, label), size)
    // Alternate which goes first, so drift on a shared machine hits both alike.
    if (repeat % 2) {
      medusa.push(await medusaPhase())
    }
    ours.push(await measure(() => runAccountSync(container, size, completedRuns), size))
    await retireAffiliates(container)
    if (!(repeat % 2)) {
      medusa.push(await medusaPhase())
    }
  }

  // Each repeat's two phases ran side by side: their ratio is the figure.
  const ratios = ours.map((phase, i) => phase.wall_ms / medusa[i].wall_ms)
  const row = (name: string, phases: Phase[]) => ({
    path: name,
    size,
    runs: phases.length,
    "wall s (median)": median(phases.map((phase) => phase.wall_ms)) / 1000,
    "wall s (min–max)": `${Math.min(...phases.map((p) => p.wall_ms)) / 1000}–${Math.max(...phases.map((p) => p.wall_ms)) / 1000}`,
    "per second": median(phases.map((phase) => phase.per_second)),
    "RSS peak MB": Math.max(...phases.map((phase) => phase.rss_peak_mb)),
    "RSS growth MB": Math.max(...phases.map((phase) => phase.rss_peak_mb - phase.rss_start_mb)),
    "live heap MB": Math.max(...phases.map((phase) => phase.live_heap_peak_mb ?? NaN)),
  })
  printTable(`Account sync of ${size} affiliates (half already customers), two tags`, [
    row("plugin: full account-sync run", ours),
    row("Medusa: create customers + link to 2 groups", medusa),
  ])
  const ratio = round(median(ratios), 2)
  log(
    `Ratio plugin / Medusa (wall time, median of ${ratios.length}): ${ratio}× ` +
      `(${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}), target ≤ 1.5×`
  )
  writeResult(`resync-${size}`, {
    size,
    tags: TAGS,
    batch_size: SYNC_RUN_BATCH_SIZE,
    ratio,
    ratios: ratios.map((value) => round(value, 2)),
    plugin: ours,
    medusa,
  })
}
