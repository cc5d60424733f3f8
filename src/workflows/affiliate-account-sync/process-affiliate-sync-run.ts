import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import { AffiliateEvents } from "../../modules/affiliate/events"
import type AffiliateModuleService from "../../modules/affiliate/service"
import { haveSameTags } from "../../modules/affiliate/utils/normalize"
import {
  type SyncAffiliateAccountResult,
  syncAffiliateAccountsWorkflow,
} from "./workflows/sync-affiliate-accounts"
import { startAffiliateSyncRunWorkflow } from "./workflows/start-affiliate-sync-run"

/** Affiliates read and synced per batch; progress is saved after each. */
export const SYNC_RUN_BATCH_SIZE = 100

/** Failures kept on the run (all are counted). */
const MAX_RECORDED_ERRORS = 100

type Counters = {
  processed: number
  created: number
  linked: number
  tagged: number
  unchanged: number
  skipped: number
  failed: number
}

type BatchOutcome = SyncAffiliateAccountResult | { affiliate_id: string; error: string }

/**
 * Syncs a batch in one workflow. A batch fails as a whole and undoes itself,
 * so on failure each affiliate is synced alone: one affiliate's problem stays
 * with that affiliate.
 */
async function syncBatch(
  container: MedusaContainer,
  affiliateIds: string[],
  groups: { tags: string[]; group_ids?: string[]; lock_ttl_seconds: number },
  heartbeat: () => Promise<unknown>
): Promise<BatchOutcome[]> {
  const sync = (ids: string[]) =>
    syncAffiliateAccountsWorkflow(container).run({
      input: { affiliate_ids: ids, ...groups },
      throwOnError: false,
    })
  const { result, errors } = await sync(affiliateIds)
  if (!errors.length) {
    return result
  }
  const outcomes: BatchOutcome[] = []
  for (const id of affiliateIds) {
    // One by one takes longer than the lease: show the run is alive.
    await heartbeat()
    const single = await sync([id])
    outcomes.push(
      single.errors.length
        ? { affiliate_id: id, error: single.errors[0].error?.message ?? "Unknown error" }
        : single.result[0]
    )
  }
  return outcomes
}

/**
 * The ids of the run's tag groups once they all exist (the first batch with
 * a customer to tag creates the missing ones), so that later batches do not
 * look them up again; undefined until then.
 */
async function findTagGroupIds(container: MedusaContainer, tags: string[]) {
  const names = [...new Set(tags)]
  const groups = names.length
    ? await container
        .resolve(Modules.CUSTOMER)
        .listCustomerGroups({ name: { $in: names } }, { select: ["id"] })
    : []
  return groups.length === names.length ? groups.map((group) => group.id) : undefined
}

/**
 * Tags saved while a run was active could not start their own run (one runs
 * at a time), and the active run applied the tags it started with: a new run
 * applies the tags in force now.
 */
async function startRunForTagsChangedMeanwhile(container: MedusaContainer, runTags: string[]) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const { account_sync } = await service.retrieveEffectiveSettings()
  if (account_sync.enabled && !haveSameTags(account_sync.tags, runTags)) {
    await startAffiliateSyncRunWorkflow(container).run({ input: { trigger: "tags_changed" } })
  }
}

/**
 * Works through a full account-sync run: approved affiliates in id order, a
 * batch at a time (see `syncBatch`). Memory holds one batch and the
 * counters, whatever the number of affiliates. Only the process that claims
 * the run works on it, so a redelivered event is harmless. After each batch
 * the run records its counters, its cursor and a heartbeat: if its process
 * dies, the run is claimed again once the lease runs out (the
 * `affiliate-resume-sync-runs` job) and goes on after the cursor, the batch
 * in flight synced again (syncing repairs what it had half written).
 */
export async function processAffiliateSyncRun(container: MedusaContainer, runId: string) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const leaseSeconds = (await service.retrieveOptions()).accountSyncLeaseSeconds
  if (!(await service.claimSyncRun(runId, leaseSeconds))) {
    return
  }

  const run = await service.retrieveAffiliateSyncRun(runId)
  const counters: Counters = {
    processed: run.processed,
    created: run.created,
    linked: run.linked,
    tagged: run.tagged,
    unchanged: run.unchanged,
    skipped: run.skipped,
    failed: run.failed,
  }
  const errors = (run.errors ?? {}) as Record<string, string>
  let lastId: string | null = run.cursor

  try {
    let groupIds: string[] | undefined
    for (;;) {
      const ids = await service.listApprovedAffiliateIdsAfter(lastId, SYNC_RUN_BATCH_SIZE)
      if (!ids.length) {
        break
      }
      const record = (affiliateId: string, message: string) => {
        if (Object.keys(errors).length < MAX_RECORDED_ERRORS) {
          errors[affiliateId] = message
        }
      }
      const heartbeat = () => service.recordSyncRunProgress(runId)
      groupIds ??= await findTagGroupIds(container, run.tags)
      for (const outcome of await syncBatch(
        container,
        ids,
        { tags: run.tags, group_ids: groupIds, lock_ttl_seconds: leaseSeconds },
        heartbeat
      )) {
        counters.processed++
        if ("error" in outcome) {
          counters.failed++
          record(outcome.affiliate_id, outcome.error)
          continue
        }
        // A skipped affiliate needs the store owner's attention: say why.
        if (outcome.skip_reason) {
          record(outcome.affiliate_id, `skipped: ${outcome.skip_reason}`)
        }
        if (outcome.outcome === "created") counters.created++
        if (outcome.outcome === "linked") counters.linked++
        if (outcome.tagged > 0) counters.tagged++
        if (outcome.outcome === "skipped") counters.skipped++
        if (outcome.outcome === "unchanged" && !outcome.tagged) counters.unchanged++
      }
      lastId = ids[ids.length - 1]
      await service.recordSyncRunProgress(runId, { ...counters, errors, cursor: lastId })
    }

    await service.updateAffiliateSyncRuns({
      id: runId,
      ...counters,
      // Affiliates approved during the run are synced too.
      total: Math.max(run.total, counters.processed),
      status: "completed",
      completed_at: new Date(),
    })
    await container.resolve(Modules.EVENT_BUS).emit({
      name: AffiliateEvents.SYNC_RUN_COMPLETED,
      data: { id: runId },
    })
    await startRunForTagsChangedMeanwhile(container, run.tags)
  } catch (error) {
    logger.error(`Affiliate account sync run ${runId} failed: ${(error as Error).message}`)
    await service.updateAffiliateSyncRuns({
      id: runId,
      ...counters,
      errors,
      status: "failed",
      message: (error as Error).message,
      completed_at: new Date(),
    })
  }
}
