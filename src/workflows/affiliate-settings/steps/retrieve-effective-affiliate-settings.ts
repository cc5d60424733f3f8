import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const retrieveEffectiveAffiliateSettingsStepId =
  "retrieve-effective-affiliate-settings"

/** Reads the settings in force (saved values over the defaults). */
export const retrieveEffectiveAffiliateSettingsStep = createStep(
  retrieveEffectiveAffiliateSettingsStepId,
  async (_: void, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    return new StepResponse(await service.retrieveEffectiveSettings())
  }
)
