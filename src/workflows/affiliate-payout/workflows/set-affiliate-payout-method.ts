import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  type SetAffiliatePayoutMethodInput,
  setAffiliatePayoutMethodStep,
} from "../steps/set-affiliate-payout-method"

export const setAffiliatePayoutMethodWorkflowId = "set-affiliate-payout-method"

/** The affiliate's payout method and its details (a PayPal email, or instructions). */
export const setAffiliatePayoutMethodWorkflow = createWorkflow(
  setAffiliatePayoutMethodWorkflowId,
  (input: WorkflowData<SetAffiliatePayoutMethodInput>) => {
    setAffiliatePayoutMethodStep(input)
    return new WorkflowResponse(void 0)
  }
)
