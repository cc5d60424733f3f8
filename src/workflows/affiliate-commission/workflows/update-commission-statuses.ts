import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import {
  type CommissionStatusChange,
  updateCommissionStatusesStep,
} from "../steps/update-commission-statuses"

export type UpdateCommissionStatusesWorkflowInput = CommissionStatusChange

export const updateCommissionStatusesWorkflowId = "update-commission-statuses"

/**
 * Approves, rejects (with a reason) or marks paid one or several commissions,
 * all or none. Emits `affiliate_commission.updated` for each.
 */
export const updateCommissionStatusesWorkflow = createWorkflow(
  updateCommissionStatusesWorkflowId,
  (input: WorkflowData<UpdateCommissionStatusesWorkflowInput>) => {
    const updated = updateCommissionStatusesStep(input)
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_UPDATED,
      data: transform({ updated }, ({ updated }) => updated.map((c) => ({ id: c.id }))),
    })
    return new WorkflowResponse(updated)
  }
)
