import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  CART_REFERRAL_AT_METADATA_KEY,
  CART_REFERRAL_METADATA_KEY,
} from "../../affiliate-commission/steps/decide-order-attribution"
import { validateReferralCodeStep } from "../steps/validate-referral-code"

export type RecordCartReferralWorkflowInput = { cart_id: string; code: string }

export const recordCartReferralWorkflowId = "record-cart-referral"

/**
 * Records an affiliate's referral code on a cart (`metadata.affiliate_code`,
 * and when, `metadata.affiliate_code_at`); the order placed from the cart
 * keeps them, and crediting reads them there: a code older than its
 * program's referral window is not honoured.
 */
export const recordCartReferralWorkflow = createWorkflow(
  recordCartReferralWorkflowId,
  (input: WorkflowData<RecordCartReferralWorkflowInput>) => {
    const referral = validateReferralCodeStep({ code: input.code })
    updateCartWorkflow.runAsStep({
      input: transform({ input, referral }, ({ input, referral }) => ({
        id: input.cart_id,
        metadata: {
          [CART_REFERRAL_METADATA_KEY]: referral.code,
          [CART_REFERRAL_AT_METADATA_KEY]: referral.recorded_at,
        },
      })),
    })
    return new WorkflowResponse(referral)
  }
)
