import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { NewAffiliateVisit } from "../../../modules/affiliate/queries/visits"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const recordAffiliateVisitStepId = "record-affiliate-visit"

/** Records one click, unique for its visitor or not; compensation removes it. */
export const recordAffiliateVisitStep = createStep(
  recordAffiliateVisitStepId,
  async (visit: NewAffiliateVisit, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const recorded = await service.recordAffiliateVisit(visit)
    return new StepResponse(recorded, recorded.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateVisits(id)
  }
)
