import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type CreateAffiliateProgramDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toAffiliateProgramDTO } from "../../../modules/affiliate/utils/dtos"
import { nameConflictOr } from "./find-program-named"

export const createAffiliateProgramStepId = "create-affiliate-program"

/** Creates a program (never a default one); compensation deletes it. */
export const createAffiliateProgramStep = createStep(
  createAffiliateProgramStepId,
  async (input: CreateAffiliateProgramDTO, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const program = await service
      .createAffiliatePrograms({ ...input, is_default: false })
      .catch(nameConflictOr(service, input.name))
    return new StepResponse(toAffiliateProgramDTO(program), program.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliatePrograms(id)
  }
)
