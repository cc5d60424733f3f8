import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteCommissionRuleStepId = "delete-commission-rule"

/** Soft-deletes a rule (its target may get a new one); compensation restores it. */
export const deleteCommissionRuleStep = createStep(
  deleteCommissionRuleStepId,
  async (id: string, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.softDeleteAffiliateCommissionRules([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.restoreAffiliateCommissionRules([id])
  }
)
