import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type AffiliateCommissionRuleDTO,
  type UpdateAffiliateCommissionRuleDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type UpdateCommissionRuleStepInput = {
  id: string
  update: UpdateAffiliateCommissionRuleDTO
}

export const updateCommissionRuleStepId = "update-commission-rule"

/** Updates a rule's commission; compensation restores it. */
export const updateCommissionRuleStep = createStep(
  updateCommissionRuleStepId,
  async ({ id, update }: UpdateCommissionRuleStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliateCommissionRule(id)
    const updated = await service.updateAffiliateCommissionRules({ id, ...update })
    const restore: UpdateAffiliateCommissionRuleDTO & { id: string } = {
      id,
      kind: previous.kind,
      rate: previous.rate == null ? null : Number(previous.rate),
      amounts: (previous.amounts as Record<string, number> | null) ?? null,
    }
    return new StepResponse(updated as unknown as AffiliateCommissionRuleDTO, restore)
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateCommissionRules(restore)
  }
)
