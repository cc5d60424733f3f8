import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { recordRefundAdjustmentsStep } from "../steps/record-refund-adjustments"

export type RecordPaymentRefundWorkflowInput = { payment_id: string }

export const recordPaymentRefundWorkflowId = "record-payment-refund"

/**
 * Reduces the commission of the order a refunded payment belongs to, pro-rata.
 * Idempotent per refund.
 */
export const recordPaymentRefundWorkflow = createWorkflow(
  recordPaymentRefundWorkflowId,
  (input: WorkflowData<RecordPaymentRefundWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate-refund:${input.payment_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const recorded = recordRefundAdjustmentsStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(recorded)
  }
)
