import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { reverseCanceledOrderCommissionsStep } from "../steps/reverse-canceled-order-commissions"

export type ReverseCanceledOrderWorkflowInput = { order_id: string }

export const reverseCanceledOrderWorkflowId = "reverse-canceled-order"

/**
 * Reverses the commission of a canceled order (reject, or adjust when already
 * paid). Idempotent: a repeated `order.canceled` changes nothing more.
 */
export const reverseCanceledOrderWorkflow = createWorkflow(
  reverseCanceledOrderWorkflowId,
  (input: WorkflowData<ReverseCanceledOrderWorkflowInput>) => {
    // The same lock as crediting: a cancel never interleaves with the credit.
    const lockKey = transform({ input }, ({ input }) => `affiliate-credit:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const reversal = reverseCanceledOrderCommissionsStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(reversal)
  }
)
