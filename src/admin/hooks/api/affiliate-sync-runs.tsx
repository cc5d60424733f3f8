import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toastServerError } from "../../lib/server-errors"
import { getAdmin, postAdmin, useInvalidate } from "./admin-api"
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
  /** Already right: nothing to do. */
  unchanged: number
  /** Not synced; why is in `errors`. */
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

/** Synced accounts show on the affiliates' pages and Medusa's customer pages. */
const useInvalidateAccounts = () =>
  useInvalidate(affiliateQueryKeys.all, MEDUSA_CUSTOMERS_QUERY_KEY)

/** While it runs, polled every second so a progress bar can follow it. */
const POLL_WHILE_RUNNING_MS = 1000

/** The most recent account-sync run, or null when none ever ran. */
export const useLatestAffiliateSyncRun = () => {
  const queryClient = useQueryClient()
  const invalidateAccounts = useInvalidateAccounts()
  return useQuery({
    queryKey: affiliateSyncRunQueryKeys.latest(),
    queryFn: async () => {
      const { affiliate_sync_runs } = await getAdmin<{
        affiliate_sync_runs: AffiliateSyncRun[]
      }>("/admin/affiliate-sync-runs", { limit: 1 })
      const run = affiliate_sync_runs[0] ?? null
      const previous = queryClient.getQueryData<AffiliateSyncRun | null>(
        affiliateSyncRunQueryKeys.latest()
      )
      if (previous?.status === "running" && run?.status !== "running") {
        // The run linked or created customer accounts: the affiliates' pages
        // and Medusa's customer pages show them.
        invalidateAccounts()
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
      postAdmin("/admin/affiliate-settings/resync"),
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
  const invalidateAccounts = useInvalidateAccounts()
  return useMutation<
    { affiliate_account_sync: AffiliateAccountSyncResult },
    FetchError,
    void
  >({
    mutationFn: () =>
      postAdmin(`/admin/affiliates/${affiliateId}/sync`),
    onSuccess: ({ affiliate_account_sync: result }) => {
      invalidateAccounts()
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
