import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type {
  AffiliateSettingsDTO,
  UpdateAffiliateSettingsDTO,
} from "../../../modules/affiliate"
import { haveSameTags } from "../../../modules/affiliate/utils/normalize"
import type { SyncRunTrigger } from "../../../modules/affiliate/models/affiliate-sync-run"
import { startAffiliateSyncRunWorkflow } from "../../affiliate-account-sync/workflows/start-affiliate-sync-run"
import { retrieveEffectiveAffiliateSettingsStep } from "../steps/retrieve-effective-affiliate-settings"
import { updateAffiliateSettingsStep } from "../steps/update-affiliate-settings"

export const updateAffiliateSettingsWorkflowId = "update-affiliate-settings"

/** Switching account sync on, or changing its tags while on, needs a full run. */
function fullSyncTrigger(
  before: AffiliateSettingsDTO,
  after: AffiliateSettingsDTO
): SyncRunTrigger | null {
  if (!after.account_sync.enabled) {
    return null
  }
  if (!before.account_sync.enabled) {
    return "enabled"
  }
  return haveSameTags(before.account_sync.tags, after.account_sync.tags) ? null : "tags_changed"
}

/**
 * Saves the affiliate program settings and returns the settings in force,
 * with the account-sync run it started, if any.
 */
export const updateAffiliateSettingsWorkflow = createWorkflow(
  updateAffiliateSettingsWorkflowId,
  (input: WorkflowData<UpdateAffiliateSettingsDTO>) => {
    const before = retrieveEffectiveAffiliateSettingsStep().config({
      name: "retrieve-settings-before-update",
    })
    updateAffiliateSettingsStep(input)
    const settings = retrieveEffectiveAffiliateSettingsStep()

    const trigger = transform({ before, settings }, ({ before, settings }) =>
      fullSyncTrigger(before, settings)
    )
    const run = when({ trigger }, ({ trigger }) => trigger !== null).then(() =>
      startAffiliateSyncRunWorkflow.runAsStep({
        input: transform({ trigger }, ({ trigger }) => ({ trigger: trigger! })),
      })
    )

    return new WorkflowResponse(
      transform({ settings, run }, ({ settings, run }) => ({
        settings,
        sync_run_id: run?.run_id ?? null,
      }))
    )
  }
)
