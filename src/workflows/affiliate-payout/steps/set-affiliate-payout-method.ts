import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { PayoutMethod } from "../../../modules/affiliate/models/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type SetAffiliatePayoutMethodInput = {
  affiliate_id: string
  payout_method: PayoutMethod | null
  payout_details: Record<string, string> | null
}

export const setAffiliatePayoutMethodStepId = "set-affiliate-payout-method"

/** Saves how the affiliate wants to be paid; compensation restores the previous choice. */
export const setAffiliatePayoutMethodStep = createStep(
  setAffiliatePayoutMethodStepId,
  async (input: SetAffiliatePayoutMethodInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "payout_method", "payout_details"],
    })
    await service.updateAffiliates({
      id: input.affiliate_id,
      payout_method: input.payout_method,
      payout_details: input.payout_details,
    })
    return new StepResponse(void 0, {
      id: previous.id,
      payout_method: previous.payout_method,
      payout_details: previous.payout_details,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates(previous)
  }
)
