import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type AffiliateCommissionRuleDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

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
    return new StepResponse({
      ...rule,
      program_id,
      rate: rule.rate == null ? null : Number(rule.rate),
    } as unknown as AffiliateCommissionRuleDTO)
  }
)
