import {
  createWorkflow,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import type { SyncRunTrigger } from "../../../modules/affiliate/models/affiliate-sync-run"
import { createSyncRunStep } from "../steps/create-sync-run"

export type StartAffiliateSyncRunWorkflowInput = { trigger: SyncRunTrigger }

export const startAffiliateSyncRunWorkflowId = "start-affiliate-sync-run"

/**
 * Starts a full account-sync run in the background (its `created` event hands
 * it to a worker), or returns the run that is already active.
 */
export const startAffiliateSyncRunWorkflow = createWorkflow(
  startAffiliateSyncRunWorkflowId,
  (input: WorkflowData<StartAffiliateSyncRunWorkflowInput>) => {
    const run = createSyncRunStep(input)
    when({ run }, ({ run }) => run.created).then(() => {
      emitEventStep({
        eventName: AffiliateEvents.SYNC_RUN_CREATED,
        data: { id: run.run_id },
      })
    })
    return new WorkflowResponse(run)
  }
)
