import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  type SendPayoutToProviderInput,
  sendPayoutToProviderStep,
} from "../steps/send-payout-to-provider"

export const sendPayoutToProviderWorkflowId = "send-affiliate-payout-to-provider"

/** Sends a draft payout to a payout provider (`manual` by default), once per payout. */
export const sendPayoutToProviderWorkflow = createWorkflow(
  sendPayoutToProviderWorkflowId,
  (input: WorkflowData<SendPayoutToProviderInput>) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate-payout:${input.id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const payout = sendPayoutToProviderStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(payout)
  }
)
