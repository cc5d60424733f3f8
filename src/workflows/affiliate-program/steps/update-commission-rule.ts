import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type UpdateAffiliateCommissionRuleDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toCommissionRuleDTO } from "../../../modules/affiliate/utils/dtos"

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
    const previous = toCommissionRuleDTO(await service.retrieveAffiliateCommissionRule(id))
    const updated = await service.updateAffiliateCommissionRules({ id, ...update })
    const restore: UpdateAffiliateCommissionRuleDTO & { id: string } = {
      id,
      kind: previous.kind,
      rate: previous.rate,
      amounts: previous.amounts,
    }
    return new StepResponse(toCommissionRuleDTO(updated), restore)
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateCommissionRules(restore)
  }
)
