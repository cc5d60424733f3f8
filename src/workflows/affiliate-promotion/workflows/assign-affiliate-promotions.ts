import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createAffiliatePromotionsStep } from "../steps/create-affiliate-promotions"
import {
  validatePromotionAssignmentStep,
  type ValidatePromotionAssignmentStepInput,
} from "../steps/validate-promotion-assignment"

export const assignAffiliatePromotionsWorkflowId = "assign-affiliate-promotions"

/**
 * Assigns Medusa promotions (coupons), by code, to an affiliate: an order
 * that uses one is referred by that affiliate. Assigning one twice is a no-op.
 */
export const assignAffiliatePromotionsWorkflow = createWorkflow(
  assignAffiliatePromotionsWorkflowId,
  (input: WorkflowData<ValidatePromotionAssignmentStepInput>) => {
    const toCreate = validatePromotionAssignmentStep(input)
    return new WorkflowResponse(createAffiliatePromotionsStep(toCreate))
  }
)
