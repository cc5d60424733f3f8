import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteAffiliatesStepId = "delete-affiliates"

/** Soft-deletes affiliates (their history stays); compensation restores them. */
export const deleteAffiliatesStep = createStep(
  deleteAffiliatesStepId,
  async (ids: string[], { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.softDeleteAffiliates(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.restoreAffiliates(ids)
  }
)
