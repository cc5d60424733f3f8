import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { DEFAULT_COUPON_PERCENTAGE } from "../../../modules/affiliate/models/affiliate-program"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"

export type PrepareAffiliateCouponStepOutput = {
  affiliate_id: string
  /** The affiliate's own code: the coupon shoppers type is the code in their link. */
  code: string
  /** Percent off the order: their program's coupon terms. */
  percentage: number
}

export const prepareAffiliateCouponStepId = "prepare-affiliate-coupon"

/**
 * What the affiliate's coupon will be: their code, the percentage their
 * program gives. Only for an approved affiliate, and only when no promotion
 * has that code yet, in any letter case (409: assign that one instead).
 */
export const prepareAffiliateCouponStep = createStep(
  prepareAffiliateCouponStepId,
  async (input: { affiliate_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const affiliate = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "name", "code", "status", "program_id"],
    })
    if (affiliate.status !== "approved") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${affiliate.name} is ${affiliate.status}: only an approved affiliate gets a coupon`
      )
    }
    const [taken] = await container
      .resolve(Modules.PROMOTION)
      .listPromotions({ code: { $ilike: escapeLike(affiliate.code) } }, { select: ["id", "code"], take: 1 })
    if (taken) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `A promotion with the code ${taken.code} exists already: assign it to ${affiliate.name} under Coupons instead`
      )
    }
    const program = await service.retrieveEffectiveProgram(affiliate.program_id)
    return new StepResponse<PrepareAffiliateCouponStepOutput>({
      affiliate_id: affiliate.id,
      code: affiliate.code,
      percentage: program.coupon_percentage ?? DEFAULT_COUPON_PERCENTAGE,
    })
  }
)
