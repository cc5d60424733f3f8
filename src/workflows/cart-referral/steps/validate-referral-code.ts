import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { normalizeCode } from "../../../modules/affiliate/utils/normalize"

export const validateReferralCodeStepId = "validate-referral-code"

/** A referral code counts only when it belongs to an approved affiliate. */
export const validateReferralCodeStep = createStep(
  validateReferralCodeStepId,
  async ({ code }: { code: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const normalized = normalizeCode(code)
    const [affiliate] = await service.listAffiliates(
      { code: normalized },
      { select: ["id", "code", "status"] }
    )
    if (!affiliate || affiliate.status !== "approved") {
      // The same answer for unknown, pending and blocked: a shopper can't tell them apart.
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `code: "${code}" is not a valid referral code`
      )
    }
    return new StepResponse({ code: affiliate.code, affiliate_id: affiliate.id })
  }
)
