import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toCommissionRuleDTO } from "../../../modules/affiliate/utils/dtos"

export type RetrieveProgramCommissionRuleStepInput = {
  program_id: string
  rule_id: string
}

export const retrieveProgramCommissionRuleStepId = "retrieve-program-commission-rule"

/** One rule of one program; 404 when the rule is not that program's. */
export const retrieveProgramCommissionRuleStep = createStep(
  retrieveProgramCommissionRuleStepId,
  async ({ program_id, rule_id }: RetrieveProgramCommissionRuleStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [rule] = await service.listAffiliateCommissionRules(
      { id: rule_id, program_id },
      { take: 1 }
    )
    if (!rule) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Commission rule with id: ${rule_id} was not found in program ${program_id}`
      )
    }
    return new StepResponse({ ...toCommissionRuleDTO(rule), program_id })
  }
)
