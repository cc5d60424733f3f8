import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ValidatePromotionAssignmentStepInput = {
  affiliate_id: string
  codes: string[]
}

export const validatePromotionAssignmentStepId = "validate-promotion-assignment"

/**
 * Finds the promotions by code and checks none belongs to another affiliate
 * (a coupon credits one affiliate). Returns those not yet assigned to this one.
 */
export const validatePromotionAssignmentStep = createStep(
  validatePromotionAssignmentStepId,
  async (input: ValidatePromotionAssignmentStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.retrieveAffiliate(input.affiliate_id, { select: ["id"] })

    const promotions = await container
      .resolve(Modules.PROMOTION)
      .listPromotions({ code: input.codes }, { select: ["id", "code"] })
    const missing = input.codes.filter(
      (code) => !promotions.some((p) => p.code?.toLowerCase() === code.toLowerCase())
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `codes: no promotion with the code ${missing.join(", ")}`
      )
    }

    const assigned = await service.listAffiliatePromotions(
      { promotion_id: promotions.map((p) => p.id) },
      { relations: ["affiliate"] }
    )
    const elsewhere = assigned.find((a) => a.affiliate.id !== input.affiliate_id)
    if (elsewhere) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `codes: ${elsewhere.code} already belongs to affiliate ${elsewhere.affiliate.name} (${elsewhere.affiliate.code})`
      )
    }

    return new StepResponse(
      promotions
        .filter((p) => !assigned.some((a) => a.promotion_id === p.id))
        .map((p) => ({
          affiliate_id: input.affiliate_id,
          promotion_id: p.id,
          code: p.code ?? "",
        }))
    )
  }
)
