import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type CreateAffiliateCommissionRuleDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import {
  PROGRAM_RULES_MAX,
  ruleTermsProblem,
} from "../../../modules/affiliate/utils/program-terms"
import { findRuleTargetLabels, RULE_TARGET_ENTITIES } from "../../utils/rule-targets"

export const validateCommissionRuleCreationStepId = "validate-commission-rule-creation"

/**
 * Checks a new rule: its program exists (404) and has room (at most
 * PROGRAM_RULES_MAX rules), its product, collection, category or product type
 * exists in Medusa (400), the program has no rule for it yet (409), and its
 * terms fit its kind (400).
 */
export const validateCommissionRuleCreationStep = createStep(
  validateCommissionRuleCreationStepId,
  async (input: CreateAffiliateCommissionRuleDTO, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.retrieveAffiliateProgram(input.program_id, { select: ["id"] })

    const problem = ruleTermsProblem({
      kind: input.kind,
      rate: input.rate ?? null,
      amounts: input.amounts ?? null,
    })
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }

    const [, ruleCount] = await service.listAndCountAffiliateCommissionRules(
      { program_id: input.program_id },
      { select: ["id"], take: 1 }
    )
    if (ruleCount >= PROGRAM_RULES_MAX) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A program has at most ${PROGRAM_RULES_MAX} rules: delete one, or use a category or collection rule for many products`
      )
    }

    const labels = await findRuleTargetLabels(container, input.target, [input.target_id])
    if (!labels.has(input.target_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${RULE_TARGET_ENTITIES[input.target].noun} ${input.target_id} does not exist`
      )
    }

    const [existing] = await service.listAffiliateCommissionRules(
      { program_id: input.program_id, target: input.target, target_id: input.target_id },
      { select: ["id"], take: 1 }
    )
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The program already has a rule for ${input.target} ${input.target_id} (${existing.id}): update that one`
      )
    }

    return new StepResponse(void 0)
  }
)
