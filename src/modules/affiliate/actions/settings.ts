import type AffiliateModuleService from "../service"
import type { SavedSettings } from "../queries/programs"
import { type AffiliateSettingsDTO, type AttributionMethod, DEFAULT_ATTRIBUTION_ORDER } from "../types"

/** The id of the single settings row. */
export const AFFILIATE_SETTINGS_ID = "affset_store"

/**
 * The settings in force: the saved row merged over the defaults, so a store
 * that never saved settings still gets a complete answer.
 */
export async function retrieveEffectiveSettings(
  service: AffiliateModuleService,
  defaultCommissionRate: number
): Promise<AffiliateSettingsDTO> {
  const [saved] = await service.listAffiliateSettings({ id: AFFILIATE_SETTINGS_ID }, { take: 1 })
  return effectiveSettings(saved, defaultCommissionRate)
}

/** The saved settings row (if any) merged over the defaults. */
export function effectiveSettings(
  saved: SavedSettings | undefined,
  defaultCommissionRate: number
): AffiliateSettingsDTO {
  return {
    id: saved?.id ?? null,
    default_commission_rate:
      saved?.default_commission_rate == null ? defaultCommissionRate : Number(saved.default_commission_rate),
    auto_approve: saved?.auto_approve ?? false,
    auto_approve_commissions: saved?.auto_approve_commissions ?? false,
    auto_connect: saved?.auto_connect ?? true,
    attribution_order:
      (saved?.attribution_order as AttributionMethod[] | null) ??
      DEFAULT_ATTRIBUTION_ORDER,
    account_sync: {
      enabled: saved?.account_sync_enabled ?? false,
      tags: (saved?.account_sync_tags as string[] | null) ?? [],
    },
    hold_days: saved?.hold_days ?? 0,
    minimum_payouts: (saved?.minimum_payouts as Record<string, number> | null) ?? {},
  }
}
