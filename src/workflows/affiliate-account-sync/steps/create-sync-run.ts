import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { SyncRunTrigger } from "../../../modules/affiliate/models/affiliate-sync-run"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type CreateSyncRunStepOutput = {
  run_id: string
  /** False when a run was already active: that one is returned instead. */
  created: boolean
}

export const createSyncRunStepId = "create-affiliate-sync-run"

/**
 * Records a new full run over the approved affiliates, with the tags in force
 * now. One run at a time: if one is active, it is returned and nothing is
 * created (the unique index decides races between processes).
 */
export const createSyncRunStep = createStep(
  createSyncRunStepId,
  async (input: { trigger: SyncRunTrigger }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)

    // A run whose process died is still the active one: the resume job
    // (`affiliate-resume-sync-runs`) finishes it.
    const findActive = async () => {
      const [running] = await service.listAffiliateSyncRuns(
        { status: "running" },
        { select: ["id"], take: 1 }
      )
      return running
    }

    const active = await findActive()
    if (active) {
      return new StepResponse<CreateSyncRunStepOutput, string | null>(
        { run_id: active.id, created: false },
        null
      )
    }

    const settings = await service.retrieveEffectiveSettings()
    const [, total] = await service.listAndCountAffiliates(
      { status: "approved" },
      { select: ["id"], take: 1 }
    )
    try {
      const run = await service.createAffiliateSyncRuns({
        trigger: input.trigger,
        tags: settings.account_sync.tags,
        total,
      })
      return new StepResponse<CreateSyncRunStepOutput, string | null>(
        { run_id: run.id, created: true },
        run.id
      )
    } catch (error) {
      // Another process started a run between our read and our insert.
      const winner = await findActive()
      if (!winner) {
        throw error
      }
      return new StepResponse<CreateSyncRunStepOutput, string | null>(
        { run_id: winner.id, created: false },
        null
      )
    }
  },
  async (runId, { container }) => {
    if (!runId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateSyncRuns(runId)
  }
)
