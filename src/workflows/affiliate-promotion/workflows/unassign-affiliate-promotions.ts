import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteAffiliatePromotionsStep } from "../steps/delete-affiliate-promotions"
import {
  validatePromotionUnassignmentStep,
  type ValidatePromotionUnassignmentStepInput,
} from "../steps/validate-promotion-unassignment"

export const unassignAffiliatePromotionsWorkflowId = "unassign-affiliate-promotions"

/**
 * Takes coupons (promotion assignments) away from an affiliate: orders using
 * the code no longer credit them. Past commissions stay as they are.
 */
export const unassignAffiliatePromotionsWorkflow = createWorkflow(
  unassignAffiliatePromotionsWorkflowId,
  (input: WorkflowData<ValidatePromotionUnassignmentStepInput>) => {
    const ids = validatePromotionUnassignmentStep(input)
    return new WorkflowResponse(deleteAffiliatePromotionsStep(ids))
  }
)
