import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type UpdateAffiliateSettingsDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AFFILIATE_SETTINGS_ID } from "../../../modules/affiliate/service"

export const updateAffiliateSettingsStepId = "update-affiliate-settings"

type SettingsRow = Omit<UpdateAffiliateSettingsDTO, "account_sync"> & {
  account_sync_enabled?: boolean
  account_sync_tags?: string[] | null
}

type PreviousSettings =
  | { created: true }
  | { created: false; row: SettingsRow & { id: string } }

/** The API's nested `account_sync` maps onto columns of the row. */
const toRow = ({ account_sync, ...rest }: UpdateAffiliateSettingsDTO): SettingsRow => ({
  ...rest,
  ...(account_sync?.enabled !== undefined && { account_sync_enabled: account_sync.enabled }),
  ...(account_sync?.tags !== undefined && { account_sync_tags: account_sync.tags }),
})

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
    const row = toRow(update)

    if (!existing) {
      await service.createAffiliateSettings({ id: AFFILIATE_SETTINGS_ID, ...row })
      return new StepResponse(void 0, { created: true } as PreviousSettings)
    }

    await service.updateAffiliateSettings({ id: AFFILIATE_SETTINGS_ID, ...row })
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
        account_sync_enabled: existing.account_sync_enabled,
        account_sync_tags: existing.account_sync_tags as string[] | null,
        hold_days: existing.hold_days,
        minimum_payouts: existing.minimum_payouts as Record<string, number> | null,
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
