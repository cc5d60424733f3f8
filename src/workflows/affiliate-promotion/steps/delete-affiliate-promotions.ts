import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteAffiliatePromotionsStepId = "delete-affiliate-promotions"

/**
 * Takes coupons away from an affiliate (soft delete: the promotion may then be
 * assigned again); compensation restores the assignments.
 */
export const deleteAffiliatePromotionsStep = createStep(
  deleteAffiliatePromotionsStepId,
  async (ids: string[], { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.softDeleteAffiliatePromotions(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.restoreAffiliatePromotions(ids)
  }
)
