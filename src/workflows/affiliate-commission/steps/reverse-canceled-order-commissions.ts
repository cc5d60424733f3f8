import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type CanceledOrderReversalDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const reverseCanceledOrderCommissionsStepId = "reverse-canceled-order-commissions"

/**
 * A canceled order owes its affiliate nothing: a pending or approved
 * commission becomes rejected; a paid one, or one a payout holds, keeps its
 * status and gets a negative adjustment for what is still paid out on it
 * (deducted from the next payout). Decided under the commission lock, so a
 * payout batch at the same moment either takes the commission first (then
 * it is adjusted) or never (it is rejected).
 */
export const reverseCanceledOrderCommissionsStep = createStep(
  reverseCanceledOrderCommissionsStepId,
  async (input: { order_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const reversal = await service.reverseCanceledOrderCommissions(input.order_id)
    return new StepResponse(reversal, reversal)
  },
  async (reversal: CanceledOrderReversalDTO | undefined, { container }) => {
    if (!reversal) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    if (reversal.adjustment_ids.length) {
      await service.deleteAffiliateCommissionAdjustments(reversal.adjustment_ids)
    }
    if (reversal.rejected.length) {
      await service.updateAffiliateCommissions(
        reversal.rejected.map((c) => ({
          id: c.id,
          status: c.status as "pending" | "approved",
          reason: c.reason,
        }))
      )
    }
  }
)
