import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type AffiliateProgramDTO,
  type UpdateAffiliateProgramDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
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
    const previous = (await service.retrieveAffiliateProgram(id)) as unknown as AffiliateProgramDTO

    const updated = await service
      .updateAffiliatePrograms({ id, ...update })
      .catch(nameConflictOr(service, update.name, id))

    const restore = Object.fromEntries(
      Object.keys(update).map((field) => {
        const value = previous[field as keyof AffiliateProgramDTO]
        // A bigNumber reads back as a number-like value: store it as a number.
        return [field, field === "commission_rate" && value != null ? Number(value) : value]
      })
    ) as UpdateAffiliateProgramDTO
    return new StepResponse(updated as unknown as AffiliateProgramDTO, { id, restore })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliatePrograms({ id: previous.id, ...previous.restore })
  }
)
