import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const validateAffiliateProgramIdsStepId = "validate-affiliate-program-ids"

/**
 * Checks the programs affiliates are put in exist (400 naming the first that
 * does not). Returns the default program's id: an affiliate put in it is
 * stored without a program_id, as every affiliate of the default program is.
 */
export const validateAffiliateProgramIdsStep = createStep(
  validateAffiliateProgramIdsStepId,
  async (programIds: (string | null | undefined)[], { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const ids = [...new Set(programIds.filter((id): id is string => !!id))]
    if (!ids.length) {
      return new StepResponse({ default_program_id: null as string | null })
    }
    const programs = await service.listAffiliatePrograms(
      { id: ids },
      { select: ["id", "is_default"] }
    )
    const unknown = ids.find((id) => !programs.some((program) => program.id === id))
    if (unknown) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `program_id: no program with the id ${unknown}`
      )
    }
    const defaultProgram = programs.find((program) => program.is_default)
    return new StepResponse({ default_program_id: defaultProgram?.id ?? null })
  }
)
