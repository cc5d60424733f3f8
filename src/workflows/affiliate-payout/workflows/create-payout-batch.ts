import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { retrieveEffectiveAffiliateSettingsStep } from "../../affiliate-settings/steps/retrieve-effective-affiliate-settings"
import { createPayoutBatchStep } from "../steps/create-payout-batch"

export type CreatePayoutBatchWorkflowInput = {
  /** Only these affiliates; everyone owed when absent. */
  affiliate_ids?: string[]
  currency_code?: string
  /** Also affiliates who have not set a payout method: left out by default. */
  include_without_payout_method?: boolean
  created_by?: string | null
}

export const createPayoutBatchWorkflowId = "create-affiliate-payout-batch"

/** One batch at a time: the second waits and finds what the first took already paid for. */
export const PAYOUT_BATCH_LOCK_KEY = "affiliate-payout-batch"

/**
 * Pays what is owed: a draft payout per affiliate and currency whose payable
 * balance reaches the store's minimum payout, of those who said how to be
 * paid (unless `include_without_payout_method`). Emits
 * `affiliate_payout.created` for each payout.
 */
export const createPayoutBatchWorkflow = createWorkflow(
  createPayoutBatchWorkflowId,
  (input: WorkflowData<CreatePayoutBatchWorkflowInput>) => {
    acquireLockStep({ key: PAYOUT_BATCH_LOCK_KEY, timeout: 60, ttl: 120 })
    const settings = retrieveEffectiveAffiliateSettingsStep()
    const created = createPayoutBatchStep(
      transform({ input, settings }, ({ input, settings }) => ({
        affiliate_ids: input.affiliate_ids,
        currency_code: input.currency_code,
        include_without_payout_method: input.include_without_payout_method,
        created_by: input.created_by,
        minimum_payouts: settings.minimum_payouts,
      }))
    )
    releaseLockStep({ key: PAYOUT_BATCH_LOCK_KEY })
    emitEventStep({
      eventName: AffiliateEvents.PAYOUT_CREATED,
      data: transform({ created }, ({ created }) =>
        created.payout_ids.map((id) => ({ id }))
      ),
    })
    return new WorkflowResponse(created)
  }
)
