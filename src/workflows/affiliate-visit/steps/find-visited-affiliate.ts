import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { findApprovedAffiliateByCode } from "../../utils/affiliate-by-code"

export const findVisitedAffiliateStepId = "find-visited-affiliate"

/**
 * The approved affiliate whose code a link carried, in one query (a click
 * needs nothing of their program). Unknown, pending and blocked codes get
 * the same 400 as on the cart route: a visitor can't tell them apart.
 */
export const findVisitedAffiliateStep = createStep(
  findVisitedAffiliateStepId,
  async ({ code }: { code: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const affiliate = await findApprovedAffiliateByCode(service, code, ["id", "code"])
    return new StepResponse({ affiliate_id: affiliate.id, code: affiliate.code })
  }
)
