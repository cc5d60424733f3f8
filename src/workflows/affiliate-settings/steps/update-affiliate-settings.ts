import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type UpdateAffiliateSettingsDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AFFILIATE_SETTINGS_ID } from "../../../modules/affiliate/service"

export const updateAffiliateSettingsStepId = "update-affiliate-settings"

type PreviousSettings =
  | { created: true }
  | { created: false; row: UpdateAffiliateSettingsDTO & { id: string } }

/**
 * Saves the single settings row, creating it on the first save. Compensation
 * restores the previous values or removes the row it created.
 */
export const updateAffiliateSettingsStep = createStep(
  updateAffiliateSettingsStepId,
  async (update: UpdateAffiliateSettingsDTO, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [existing] = await service.listAffiliateSettings({
      id: AFFILIATE_SETTINGS_ID,
    })

    if (!existing) {
      await service.createAffiliateSettings({ id: AFFILIATE_SETTINGS_ID, ...update })
      return new StepResponse(void 0, { created: true } as PreviousSettings)
    }

    await service.updateAffiliateSettings({ id: AFFILIATE_SETTINGS_ID, ...update })
    const previous: PreviousSettings = {
      created: false,
      row: {
        id: existing.id,
        default_commission_rate:
          existing.default_commission_rate == null
            ? null
            : Number(existing.default_commission_rate),
        auto_approve: existing.auto_approve,
        auto_approve_commissions: existing.auto_approve_commissions,
        auto_connect: existing.auto_connect,
        attribution_order:
          existing.attribution_order as UpdateAffiliateSettingsDTO["attribution_order"],
      },
    }
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    if (previous.created) {
      await service.deleteAffiliateSettings(AFFILIATE_SETTINGS_ID)
      return
    }
    await service.updateAffiliateSettings(previous.row)
  }
)
