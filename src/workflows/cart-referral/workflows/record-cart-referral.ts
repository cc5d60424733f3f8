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
  CART_REFERRAL_SIGNATURE_METADATA_KEY,
} from "../../affiliate-commission/steps/decide-order-attribution"
import { signReferralStep } from "../steps/sign-referral"
import { validateReferralCodeStep } from "../steps/validate-referral-code"

export type RecordCartReferralWorkflowInput = { cart_id: string; code: string }

export const recordCartReferralWorkflowId = "record-cart-referral"

/**
 * Records an affiliate's referral code on a cart (`metadata.affiliate_code`,
 * when, `metadata.affiliate_code_at`, and the server's signature over both,
 * `metadata.affiliate_code_sig`); the order placed from the cart keeps them,
 * and crediting reads them there: a code whose signature does not match is
 * ignored, and one older than its program's referral window is not honoured.
 * This is the only way to put a code on a cart that crediting honours.
 */
export const recordCartReferralWorkflow = createWorkflow(
  recordCartReferralWorkflowId,
  (input: WorkflowData<RecordCartReferralWorkflowInput>) => {
    const referral = validateReferralCodeStep({ code: input.code })
    const signed = signReferralStep(referral)
    updateCartWorkflow.runAsStep({
      input: transform({ input, signed }, ({ input, signed }) => ({
        id: input.cart_id,
        metadata: {
          [CART_REFERRAL_METADATA_KEY]: signed.code,
          [CART_REFERRAL_AT_METADATA_KEY]: signed.recorded_at,
          [CART_REFERRAL_SIGNATURE_METADATA_KEY]: signed.signature,
        },
      })),
    })
    return new WorkflowResponse(referral)
  }
)
