import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { addDays } from "../../../modules/affiliate/utils/dates"
import { findApprovedAffiliateByCode } from "../../utils/affiliate-by-code"

export const validateReferralCodeStepId = "validate-referral-code"

/**
 * A referral code counts only when it belongs to an approved affiliate.
 * Returns when it was checked (the time recorded on the cart) and until when
 * the affiliate's program honours it (null: no limit).
 */
export const validateReferralCodeStep = createStep(
  validateReferralCodeStepId,
  async ({ code }: { code: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const affiliate = await findApprovedAffiliateByCode(service, code, ["id", "code", "program_id"])
    const program = await service.retrieveEffectiveProgram(affiliate.program_id)
    const windowDays = program.referral_window_days
    const checkedAt = new Date()
    return new StepResponse({
      code: affiliate.code,
      affiliate_id: affiliate.id,
      recorded_at: checkedAt.toISOString(),
      window_days: windowDays,
      expires_at:
        windowDays == null ? null : addDays(checkedAt, windowDays).toISOString(),
    })
  }
)
