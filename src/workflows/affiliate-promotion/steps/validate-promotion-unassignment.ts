import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ValidatePromotionUnassignmentStepInput = {
  affiliate_id: string
  ids: string[]
}

export const validatePromotionUnassignmentStepId = "validate-promotion-unassignment"

/**
 * Checks that every assignment exists and belongs to this affiliate: an
 * affiliate's page can only take its own coupons away.
 */
export const validatePromotionUnassignmentStep = createStep(
  validatePromotionUnassignmentStepId,
  async (input: ValidatePromotionUnassignmentStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const assignments = await service.listAffiliatePromotions(
      { id: input.ids, affiliate_id: input.affiliate_id },
      { select: ["id"] }
    )
    const unknown = input.ids.filter((id) => !assignments.some((a) => a.id === id))
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Coupon assignment with id: ${unknown.join(", ")} was not found for this affiliate`
      )
    }
    return new StepResponse(input.ids)
  }
)
