import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  AffiliateCommissionRuleDTO,
  UpdateAffiliateCommissionRuleDTO,
} from "../../../modules/affiliate"
import { ruleTermsProblem } from "../../../modules/affiliate/utils/program-terms"

export type ValidateCommissionRuleUpdateStepInput = {
  rule: AffiliateCommissionRuleDTO
  update: UpdateAffiliateCommissionRuleDTO
}

export const validateCommissionRuleUpdateStepId = "validate-commission-rule-update"

/**
 * Checks a rule's terms as they would be after the change (400). Returns what
 * to write: a change of kind clears the rate or amounts the old kind had,
 * unless the change sets them.
 */
export const validateCommissionRuleUpdateStep = createStep(
  validateCommissionRuleUpdateStepId,
  async ({ rule, update }: ValidateCommissionRuleUpdateStepInput) => {
    const changed: UpdateAffiliateCommissionRuleDTO = { ...update }
    if (update.kind && update.kind !== rule.kind) {
      changed.rate = "rate" in update ? update.rate : null
      changed.amounts = "amounts" in update ? update.amounts : null
    }
    const problem = ruleTermsProblem({
      kind: changed.kind ?? rule.kind,
      rate: "rate" in changed ? changed.rate ?? null : rule.rate,
      amounts: "amounts" in changed ? changed.amounts ?? null : rule.amounts,
    })
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    return new StepResponse(changed)
  }
)
