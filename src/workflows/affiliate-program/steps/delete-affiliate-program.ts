import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const deleteAffiliateProgramStepId = "delete-affiliate-program"

/**
 * Soft-deletes a program and, with it, its rules. Compensation restores the
 * program and the rules that were live (restoring a program brings back all
 * its rules: those deleted before are deleted again).
 */
export const deleteAffiliateProgramStep = createStep(
  deleteAffiliateProgramStepId,
  async (id: string, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const liveRules = await service.listAffiliateCommissionRules(
      { program_id: id },
      { select: ["id"] }
    )
    await service.softDeleteAffiliatePrograms([id])
    return new StepResponse(id, { id, rule_ids: liveRules.map((rule) => rule.id) })
  },
  async (deleted, { container }) => {
    if (!deleted) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.restoreAffiliatePrograms([deleted.id])
    const restored = await service.listAffiliateCommissionRules(
      { program_id: deleted.id },
      { select: ["id"] }
    )
    const deletedBefore = restored
      .map((rule) => rule.id)
      .filter((ruleId) => !deleted.rule_ids.includes(ruleId))
    if (deletedBefore.length) {
      await service.softDeleteAffiliateCommissionRules(deletedBefore)
    }
  }
)
