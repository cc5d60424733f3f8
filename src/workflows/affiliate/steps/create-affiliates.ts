import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type CreateAffiliateDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toAffiliateDTO } from "../../../modules/affiliate/utils/dtos"
import {
  generateAffiliateCode,
  normalizeCode,
  normalizeEmail,
} from "../../../modules/affiliate/utils/normalize"

export const createAffiliatesStepId = "create-affiliates"

/** Creates affiliates, normalizing email and code and generating missing codes. */
export const createAffiliatesStep = createStep(
  createAffiliatesStepId,
  async (input: CreateAffiliateDTO[], { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)

    const created = await service.createAffiliates(
      input.map((affiliate) => ({
        ...affiliate,
        email: normalizeEmail(affiliate.email),
        code: affiliate.code
          ? normalizeCode(affiliate.code)
          : generateAffiliateCode(affiliate.name),
      }))
    )

    return new StepResponse(
      created.map(toAffiliateDTO),
      created.map((affiliate) => affiliate.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliates(createdIds)
  }
)
