import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ValidateAffiliatesMoveStepInput = {
  program_id: string
  affiliate_ids: string[]
}

export const validateAffiliatesMoveStepId = "validate-affiliates-move"

/** How many unknown ids a message names before it says "and N more". */
const NAMED_MAX = 10

/**
 * Checks the program (404) and every affiliate (400 naming those unknown)
 * exist. Returns what to store: the affiliates once each, and the program's
 * id, or null for the default program (its affiliates have no program_id).
 */
export const validateAffiliatesMoveStep = createStep(
  validateAffiliatesMoveStepId,
  async ({ program_id, affiliate_ids }: ValidateAffiliatesMoveStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const program = await service.retrieveAffiliateProgram(program_id, {
      select: ["id", "is_default"],
    })

    const ids = [...new Set(affiliate_ids)]
    const found = new Set(
      (await service.listAffiliates({ id: ids }, { select: ["id"] })).map(({ id }) => id)
    )
    const unknown = ids.filter((id) => !found.has(id))
    if (unknown.length) {
      const named = unknown.slice(0, NAMED_MAX).join(", ")
      const more = unknown.length > NAMED_MAX ? ` and ${unknown.length - NAMED_MAX} more` : ""
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `affiliate_ids: no affiliate with the id ${named}${more}`
      )
    }

    return new StepResponse({
      affiliate_ids: ids,
      program_id: program.is_default ? null : program.id,
    })
  }
)
