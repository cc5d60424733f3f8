import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type UpdateAffiliateDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toAffiliateDTO } from "../../../modules/affiliate/utils/dtos"
import {
  normalizeCode,
  normalizeEmail,
} from "../../../modules/affiliate/utils/normalize"

export type UpdateAffiliateStepInput = { id: string; update: UpdateAffiliateDTO }

export const updateAffiliateStepId = "update-affiliate"

/** Updates one affiliate; compensation restores its editable fields. */
export const updateAffiliateStep = createStep(
  updateAffiliateStepId,
  async ({ id, update }: UpdateAffiliateStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliate(id)

    const updated = await service.updateAffiliates({
      id,
      ...update,
      ...(update.email ? { email: normalizeEmail(update.email) } : {}),
      ...(update.code ? { code: normalizeCode(update.code) } : {}),
    })

    const restore: UpdateAffiliateDTO & { id: string } = {
      id,
      name: previous.name,
      email: previous.email,
      code: previous.code,
      status: previous.status,
      commission_rate:
        previous.commission_rate == null ? null : Number(previous.commission_rate),
      metadata: previous.metadata,
      program_id: previous.program_id ?? null,
    }
    return new StepResponse(toAffiliateDTO(updated), restore)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates(previous)
  }
)
