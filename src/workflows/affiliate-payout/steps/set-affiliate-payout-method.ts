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

const RESTORED_FIELDS = [
  "id",
  "payout_method",
  "payout_details",
  "payout_method_updated_at",
  "payout_method_updated_by",
] as const

/**
 * Saves how the affiliate is paid, with who set it and when; compensation
 * restores the previous choice.
 */
export const setAffiliatePayoutMethodStep = createStep(
  setAffiliatePayoutMethodStepId,
  async (input: SetAffiliatePayoutMethodInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliate(input.affiliate_id, {
      select: [...RESTORED_FIELDS],
    })
    // An update merges a JSON column into what it holds: cleared first, so
    // switching from a bank transfer to PayPal keeps no old instructions.
    await service.updateAffiliates({ id: input.affiliate_id, payout_details: null })
    await service.updateAffiliates({
      id: input.affiliate_id,
      payout_method: input.payout_method,
      payout_details: input.payout_details,
      payout_method_updated_at: new Date(),
      payout_method_updated_by: input.updated_by,
    })
    return new StepResponse(void 0, {
      id: previous.id,
      payout_method: previous.payout_method,
      payout_details: previous.payout_details,
      payout_method_updated_at: previous.payout_method_updated_at,
      payout_method_updated_by: previous.payout_method_updated_by,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates({ id: previous.id, payout_details: null })
    await service.updateAffiliates(previous)
  }
)
