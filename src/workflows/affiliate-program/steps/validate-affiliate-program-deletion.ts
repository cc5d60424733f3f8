import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const validateAffiliateProgramDeletionStepId = "validate-affiliate-program-deletion"

/**
 * A program may be deleted unless it is the default one, where every
 * affiliate without a program is. 404 for an unknown program.
 */
export const validateAffiliateProgramDeletionStep = createStep(
  validateAffiliateProgramDeletionStepId,
  async (id: string, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const program = await service.retrieveAffiliateProgram(id, { select: ["id", "is_default"] })
    if (program.is_default) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The default program cannot be deleted: affiliates without a program are in it"
      )
    }
    return new StepResponse(void 0)
  }
)
