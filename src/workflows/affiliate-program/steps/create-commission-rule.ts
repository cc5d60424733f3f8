import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type CreateAffiliateCommissionRuleDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toCommissionRuleDTO } from "../../../modules/affiliate/utils/dtos"

export const createCommissionRuleStepId = "create-commission-rule"

/**
 * Writes a rule. The unique index on the program's live rule per target is
 * the last word under concurrency: losing that race is a 409, not a 500.
 * Compensation deletes the rule.
 */
export const createCommissionRuleStep = createStep(
  createCommissionRuleStepId,
  async (input: CreateAffiliateCommissionRuleDTO, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const rule = await service
      .createAffiliateCommissionRules({
        program_id: input.program_id,
        target: input.target,
        target_id: input.target_id,
        kind: input.kind,
        rate: input.rate ?? null,
        amounts: input.amounts ?? null,
      })
      .catch(async (error: unknown) => {
        const [winner] = await service.listAffiliateCommissionRules(
          { program_id: input.program_id, target: input.target, target_id: input.target_id },
          { select: ["id"], take: 1 }
        )
        if (!winner) {
          throw error
        }
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `The program already has a rule for ${input.target} ${input.target_id} (${winner.id}): update that one`
        )
      })
    return new StepResponse(toCommissionRuleDTO(rule), rule.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateCommissionRules(id)
  }
)
