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

    // The crediting lock: a late credit records the same refunds itself. (Not
    // inside `when`: compensation does not release a lock taken there.)
    const lockKeys = transform({ order_id }, ({ order_id }) =>
      order_id ? [`affiliate-credit:${order_id}`] : []
    )
    acquireLockStep({ key: lockKeys, timeout: 30, ttl: 60 })
    const recorded = when("record-order-refunds", { order_id }, ({ order_id }) => !!order_id).then(
      () =>
        recordRefundAdjustmentsStep(
          transform({ order_id }, ({ order_id }) => ({ order_id: order_id! }))
        )
    )
    releaseLockStep({ key: lockKeys })

    return new WorkflowResponse(
      transform({ recorded }, ({ recorded }) => ({
        adjustment_ids: recorded?.adjustment_ids ?? [],
      }))
    )
  }
)
