import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import {
  type SetAffiliatePayoutMethodInput,
  setAffiliatePayoutMethodStep,
} from "../steps/set-affiliate-payout-method"

export const setAffiliatePayoutMethodWorkflowId = "set-affiliate-payout-method"

/**
 * The affiliate's payout method and its details (a PayPal email, or
 * instructions), set by the affiliate or an admin. Emits
 * `affiliate.payout_method_updated`: the affiliate is told either way.
 */
export const setAffiliatePayoutMethodWorkflow = createWorkflow(
  setAffiliatePayoutMethodWorkflowId,
  (input: WorkflowData<SetAffiliatePayoutMethodInput>) => {
    setAffiliatePayoutMethodStep(input)
    emitEventStep({
      eventName: AffiliateEvents.PAYOUT_METHOD_UPDATED,
      data: transform({ input }, ({ input }) => ({
        id: input.affiliate_id,
        updated_by: input.updated_by,
      })),
    })
    return new WorkflowResponse(void 0)
  }
)
