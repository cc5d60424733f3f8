import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { findPaymentOrderStep } from "../steps/find-payment-order"
import { recordRefundAdjustmentsStep } from "../steps/record-refund-adjustments"

export type RecordPaymentRefundWorkflowInput = { payment_id: string }

export const recordPaymentRefundWorkflowId = "record-payment-refund"

/**
 * Reduces the commission of the order a refunded payment belongs to, by its
 * share of all the order's refunds so far. Idempotent per refund.
 */
export const recordPaymentRefundWorkflow = createWorkflow(
  recordPaymentRefundWorkflowId,
  (input: WorkflowData<RecordPaymentRefundWorkflowInput>) => {
    const { order_id } = findPaymentOrderStep(input)

    const recorded = when("record-order-refunds", { order_id }, ({ order_id }) => !!order_id).then(
      () => {
        // The crediting lock: a late credit records the same refunds itself.
        const lockKey = transform({ order_id }, ({ order_id }) => `affiliate-credit:${order_id}`)
        acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
        const adjustments = recordRefundAdjustmentsStep(
          transform({ order_id }, ({ order_id }) => ({ order_id: order_id! }))
        )
        releaseLockStep({ key: lockKey })
        return adjustments
      }
    )

    return new WorkflowResponse(
      transform({ recorded }, ({ recorded }) => ({
        adjustment_ids: recorded?.adjustment_ids ?? [],
      }))
    )
  }
)
