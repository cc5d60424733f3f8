import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { PayoutMethod } from "../../../modules/affiliate/models/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Who sets a payout method: an admin user's id, or the affiliate themselves. */
export const PAYOUT_METHOD_SET_BY_AFFILIATE = "affiliate"

export type SetAffiliatePayoutMethodInput = {
  affiliate_id: string
  payout_method: PayoutMethod | null
  payout_details: Record<string, string> | null
  /** An admin user's id, or `affiliate`. */
  updated_by: string
}

export const setAffiliatePayoutMethodStepId = "set-affiliate-payout-method"

/**
 * Saves how the affiliate is paid, with who set it and when, in one
 * statement: a payout batch freezing the method never reads half of a
 * change. Compensation puts the previous choice back the same way.
 */
export const setAffiliatePayoutMethodStep = createStep(
  setAffiliatePayoutMethodStepId,
  async (input: SetAffiliatePayoutMethodInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.replacePayoutMethod(input.affiliate_id, {
      payout_method: input.payout_method,
      payout_details: input.payout_details,
      payout_method_updated_at: new Date(),
      payout_method_updated_by: input.updated_by,
    })
    if (!previous) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${input.affiliate_id} was not found`)
    }
    return new StepResponse(void 0, { affiliate_id: input.affiliate_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.replacePayoutMethod(undo.affiliate_id, undo.previous)
  }
)
