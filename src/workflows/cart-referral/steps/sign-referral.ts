import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { signReferral } from "../../../modules/affiliate/utils/referral-signature"
import { referralSigningKey } from "../../utils/store-keys"

export const signReferralStepId = "sign-referral"

/**
 * Signs the code and the time the server recorded it, so crediting can tell
 * them from what a shopper writes into the cart's metadata. Reads only.
 */
export const signReferralStep = createStep(
  signReferralStepId,
  async (input: { code: string; recorded_at: string }, { container }) =>
    new StepResponse(signReferral(referralSigningKey(container), input.code, input.recorded_at))
)
