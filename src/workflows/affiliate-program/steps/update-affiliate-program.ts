import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type AffiliateProgramDTO,
  type UpdateAffiliateProgramDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toAffiliateProgramDTO } from "../../../modules/affiliate/utils/dtos"
import { nameConflictOr } from "./find-program-named"

export type UpdateAffiliateProgramStepInput = {
  id: string
  update: UpdateAffiliateProgramDTO
}

export const updateAffiliateProgramStepId = "update-affiliate-program"

/** Updates one program; compensation puts back the fields it changed. */
export const updateAffiliateProgramStep = createStep(
  updateAffiliateProgramStepId,
  async ({ id, update }: UpdateAffiliateProgramStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = toAffiliateProgramDTO(await service.retrieveAffiliateProgram(id))

    const updated = await service
      .updateAffiliatePrograms({ id, ...update })
      .catch(nameConflictOr(service, update.name, id))

    const restore = Object.fromEntries(
      Object.keys(update).map((field) => [field, previous[field as keyof AffiliateProgramDTO]])
    ) as UpdateAffiliateProgramDTO
    return new StepResponse(toAffiliateProgramDTO(updated), { id, restore })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliatePrograms({ id: previous.id, ...previous.restore })
  }
)
