import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { toastServerError } from "../../lib/server-errors"
import {
  MEDUSA_CUSTOMERS_QUERY_KEY,
  affiliateQueryKeys,
  affiliateSyncRunQueryKeys,
} from "./query-keys"

export type AffiliateSyncRun = {
  id: string
  status: "running" | "completed" | "failed"
  trigger: "resync" | "enabled" | "tags_changed"
  tags: string[]
  total: number
  processed: number
  created: number
  linked: number
  tagged: number
  skipped: number
  failed: number
  errors: { affiliate_id: string; message: string }[]
  message: string | null
  created_at: string
  completed_at: string | null
}

export type AffiliateAccountSyncResult = {
  affiliate_id: string
  outcome: "created" | "linked" | "unchanged" | "skipped"
  customer_id: string | null
  tagged: number
  invited: boolean
  skip_reason: string | null
}

/** While it runs, polled every second so a progress bar can follow it. */
const POLL_WHILE_RUNNING_MS = 1000

/** The most recent account-sync run, or null when none ever ran. */
export const useLatestAffiliateSyncRun = () => {
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: affiliateSyncRunQueryKeys.latest(),
    queryFn: async () => {
      const { affiliate_sync_runs } = await sdk.client.fetch<{
        affiliate_sync_runs: AffiliateSyncRun[]
      }>("/admin/affiliate-sync-runs", { method: "GET", query: { limit: 1 } })
      const run = affiliate_sync_runs[0] ?? null
      const previous = queryClient.getQueryData<AffiliateSyncRun | null>(
        affiliateSyncRunQueryKeys.latest()
      )
      if (previous?.status === "running" && run?.status !== "running") {
        // The run linked or created customer accounts: the affiliates' pages
        // and Medusa's customer pages show them.
        void queryClient.invalidateQueries({ queryKey: affiliateQueryKeys.all })
        void queryClient.invalidateQueries({ queryKey: MEDUSA_CUSTOMERS_QUERY_KEY })
      }
      return run
    },
    refetchInterval: (query) =>
      query.state.data?.status === "running" ? POLL_WHILE_RUNNING_MS : false,
  })
}

export const useResyncAffiliates = () => {
  const queryClient = useQueryClient()
  return useMutation<{ affiliate_sync_run: AffiliateSyncRun }, FetchError, void>({
    mutationFn: () =>
      sdk.client.fetch("/admin/affiliate-settings/resync", { method: "POST" }),
    onSuccess: ({ affiliate_sync_run }) => {
      queryClient.setQueryData(affiliateSyncRunQueryKeys.latest(), affiliate_sync_run)
    },
    onError: toastServerError,
  })
}

const SYNC_OUTCOME_MESSAGES: Record<AffiliateAccountSyncResult["outcome"], string> = {
  created: "Customer account created",
  linked: "Linked to the existing customer",
  unchanged: "Customer account already in sync",
  skipped: "Not synced",
}

/** Syncs one affiliate's customer account now. */
export const useSyncAffiliateAccount = (affiliateId: string) => {
  const queryClient = useQueryClient()
  return useMutation<
    { affiliate_account_sync: AffiliateAccountSyncResult },
    FetchError,
    void
  >({
    mutationFn: () =>
      sdk.client.fetch(`/admin/affiliates/${affiliateId}/sync`, { method: "POST" }),
    onSuccess: ({ affiliate_account_sync: result }) => {
      void queryClient.invalidateQueries({ queryKey: affiliateQueryKeys.all })
      void queryClient.invalidateQueries({ queryKey: MEDUSA_CUSTOMERS_QUERY_KEY })
      const message = SYNC_OUTCOME_MESSAGES[result.outcome]
      if (result.outcome === "skipped") {
        toast.warning(`${message}: ${result.skip_reason}`)
      } else {
        toast.success(result.invited ? `${message}; a set-password invite was sent` : message)
      }
    },
    onError: toastServerError,
  })
}
