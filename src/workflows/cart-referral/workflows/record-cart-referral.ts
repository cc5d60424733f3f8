import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { CART_REFERRAL_METADATA_KEY } from "../../affiliate-commission/steps/decide-order-attribution"
import { validateReferralCodeStep } from "../steps/validate-referral-code"

export type RecordCartReferralWorkflowInput = { cart_id: string; code: string }

export const recordCartReferralWorkflowId = "record-cart-referral"

/**
 * Records an affiliate's referral code on a cart (`metadata.affiliate_code`);
 * the order placed from the cart keeps it, and crediting reads it there.
 */
export const recordCartReferralWorkflow = createWorkflow(
  recordCartReferralWorkflowId,
  (input: WorkflowData<RecordCartReferralWorkflowInput>) => {
    const referral = validateReferralCodeStep({ code: input.code })
    updateCartWorkflow.runAsStep({
      input: transform({ input, referral }, ({ input, referral }) => ({
        id: input.cart_id,
        metadata: { [CART_REFERRAL_METADATA_KEY]: referral.code },
      })),
    })
    return new WorkflowResponse(referral)
  }
)
