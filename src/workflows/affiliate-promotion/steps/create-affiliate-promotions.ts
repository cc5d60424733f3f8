import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type CreateAffiliatePromotionsStepInput = {
  affiliate_id: string
  promotion_id: string
  code: string
}[]

export const createAffiliatePromotionsStepId = "create-affiliate-promotions"

/** Assigns promotions to an affiliate; compensation removes the assignments. */
export const createAffiliatePromotionsStep = createStep(
  createAffiliatePromotionsStepId,
  async (input: CreateAffiliatePromotionsStepInput, { container }) => {
    if (!input.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const created = await service.createAffiliatePromotions(input)
    const ids = created.map((row) => row.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliatePromotions(ids)
  }
)
