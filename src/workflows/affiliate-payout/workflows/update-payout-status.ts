import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { type PayoutStatusChange, updatePayoutStatusStep } from "../steps/update-payout-status"

export type UpdatePayoutStatusWorkflowInput = PayoutStatusChange

export const updatePayoutStatusWorkflowId = "update-affiliate-payout-status"

/**
 * Marks a payout processing, paid, failed or canceled, one change at a time
 * per payout. Emits `affiliate_payout.paid` or `affiliate_payout.failed`.
 */
export const updatePayoutStatusWorkflow = createWorkflow(
  updatePayoutStatusWorkflowId,
  (input: WorkflowData<UpdatePayoutStatusWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate-payout:${input.id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const payout = updatePayoutStatusStep(input)
    releaseLockStep({ key: lockKey })

    const data = transform({ input }, ({ input }) => ({ id: input.id }))
    when({ input }, ({ input }) => input.status === "paid").then(() => {
      emitEventStep({ eventName: AffiliateEvents.PAYOUT_PAID, data }).config({
        name: "emit-affiliate-payout-paid",
      })
    })
    when({ input }, ({ input }) => input.status === "failed").then(() => {
      emitEventStep({ eventName: AffiliateEvents.PAYOUT_FAILED, data }).config({
        name: "emit-affiliate-payout-failed",
      })
    })
    return new WorkflowResponse(payout)
  }
)
