import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

type StoredRun = Awaited<ReturnType<AffiliateModuleService["retrieveAffiliateSyncRun"]>>

const RUN_FIELDS = [
  "id",
  "status",
  "trigger",
  "tags",
  "total",
  "processed",
  "created",
  "linked",
  "tagged",
  "unchanged",
  "skipped",
  "failed",
  "errors",
  "message",
  "created_at",
  "updated_at",
  "completed_at",
] as const

/** A run as the API shows it: failures as a list, the worker's bookkeeping left out. */
export function formatSyncRun(run: StoredRun) {
  const errors = (run.errors as Record<string, string> | null) ?? {}
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    tags: run.tags,
    total: run.total,
    processed: run.processed,
    created: run.created,
    linked: run.linked,
    tagged: run.tagged,
    unchanged: run.unchanged,
    skipped: run.skipped,
    failed: run.failed,
    errors: Object.entries(errors).map(([affiliate_id, message]) => ({
      affiliate_id,
      message,
    })),
    message: run.message,
    created_at: run.created_at,
    updated_at: run.updated_at,
    completed_at: run.completed_at,
  }
}

export async function retrieveSyncRun(runId: string, scope: MedusaContainer) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  // Throws Medusa's not-found error (a 404) for an unknown id.
  const run = await service.retrieveAffiliateSyncRun(runId, { select: [...RUN_FIELDS] })
  return formatSyncRun(run)
}

export async function listSyncRuns(
  scope: MedusaContainer,
  pagination: { skip: number; take: number }
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const [runs, count] = await service.listAndCountAffiliateSyncRuns(
    {},
    { select: [...RUN_FIELDS], order: { created_at: "DESC" }, ...pagination }
  )
  return { affiliate_sync_runs: runs.map(formatSyncRun), count }
}
