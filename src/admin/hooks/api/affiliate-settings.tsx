import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toastServerError } from "../../lib/server-errors"
import { getAdmin, postAdmin, useInvalidate } from "./admin-api"
import type { AffiliateSyncRun } from "./affiliate-sync-runs"
import { affiliateSettingsQueryKeys, affiliateSyncRunQueryKeys } from "./query-keys"

export type AttributionMethod = "connection" | "coupon" | "link"

/** The settings in effect: unsaved ones come back with their defaults. */
export type AffiliateSettings = {
  /** Null until the settings are first saved. */
  id: string | null
  /** The store's rate in percent, or the plugin's option when none is saved. */
  default_commission_rate: number
  auto_approve: boolean
  auto_approve_commissions: boolean
  auto_connect: boolean
  attribution_order: AttributionMethod[]
  account_sync: AccountSyncSettings
  /** Days a new commission waits before it can be approved (0: none). */
  hold_days: number
  /** The smallest payout per currency code, in major units; null: none. */
  minimum_payouts: Record<string, number> | null
}

export type AccountSyncSettings = {
  enabled: boolean
  /** Names of the customer groups synced affiliates join. */
  tags: string[]
}

export type AffiliateSettingsResponse = {
  affiliate_settings: AffiliateSettings
}

export type UpdateAffiliateSettingsResponse = AffiliateSettingsResponse & {
  /** The account-sync run the change started, if any. */
  affiliate_sync_run: AffiliateSyncRun | null
}

/** `null` puts a setting back to its default. */
export type UpdateAffiliateSettingsPayload = {
  default_commission_rate?: number | null
  auto_approve?: boolean
  auto_approve_commissions?: boolean
  auto_connect?: boolean
  attribution_order?: AttributionMethod[] | null
  account_sync?: Partial<AccountSyncSettings>
  hold_days?: number
  minimum_payouts?: Record<string, number> | null
}

export const useAffiliateSettings = () =>
  useQuery({
    queryKey: affiliateSettingsQueryKeys.detail(),
    queryFn: () =>
      getAdmin<AffiliateSettingsResponse>("/admin/affiliate-settings"),
  })

export const useUpdateAffiliateSettings = () => {
  const queryClient = useQueryClient()
  const invalidate = useInvalidate(affiliateSettingsQueryKeys.all)
  return useMutation<
    UpdateAffiliateSettingsResponse,
    FetchError,
    UpdateAffiliateSettingsPayload
  >({
    mutationFn: (body) =>
      postAdmin<UpdateAffiliateSettingsResponse>("/admin/affiliate-settings", body),
    onSuccess: ({ affiliate_sync_run }) => {
      invalidate()
      if (affiliate_sync_run) {
        // Switching sync on or changing tags started a run: follow it.
        queryClient.setQueryData(affiliateSyncRunQueryKeys.latest(), affiliate_sync_run)
      }
      toast.success("Settings saved")
    },
    onError: toastServerError,
  })
}
