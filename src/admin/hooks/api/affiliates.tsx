import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toastServerError } from "../../lib/server-errors"
import type { Deleted, ListPage, ListParams } from "./admin-api"
import { deleteAdmin, getAdmin, postAdmin, useInvalidate, useListQuery } from "./admin-api"
import type { CustomerSummary } from "./affiliate-connections"
import type { PayoutDetails, PayoutMethod } from "./affiliate-payouts"
import {
  affiliateCommissionQueryKeys,
  affiliateConnectionQueryKeys,
  affiliateProgramQueryKeys,
  affiliateQueryKeys,
} from "./query-keys"

export type AffiliateStatus = "pending" | "approved" | "blocked"

export type AffiliateProgramSummary = { id: string; name: string; is_default: boolean }

export type Affiliate = {
  id: string
  name: string
  email: string
  code: string
  status: AffiliateStatus
  /** Percentage (0–100); null means the store's default rate applies. */
  commission_rate: number | null
  /** Where they promote the store (http or https), set by them or an admin. */
  website?: string | null
  metadata: Record<string, unknown> | null
  /** The store customer account linked by account sync. */
  customer_id: string | null
  /** The program whose terms the affiliate earns on. */
  program?: AffiliateProgramSummary | null
  created_at: string
  updated_at: string
}

/** An affiliate's commissions in one currency, in major units. */
export type AffiliateCommissionTotals = {
  currency_code: string
  commission_count: number
  pending: number
  approved: number
  paid: number
  rejected: number
  adjustments: number
  net: number
}

/** What the list and detail routes add to each affiliate. */
export type AffiliateWithStats = Affiliate & {
  /** The storefront URL with `ref=CODE`; null when the plugin has no `storefrontUrl`. */
  referral_link: string | null
  connected_customer_count: number
  commission_totals: AffiliateCommissionTotals[]
}

export type AffiliatesQuery = ListParams & {
  id?: string[]
  status?: AffiliateStatus | AffiliateStatus[]
  /** The affiliate whose synced customer account this is. */
  customer_id?: string
}

export type AffiliatesResponse = ListPage<"affiliates", AffiliateWithStats>

export type AffiliateDetailResponse = {
  affiliate: AffiliateWithStats & {
    payout_method: PayoutMethod | null
    payout_details: PayoutDetails | null
    /** Who set the payout method last (an admin user's id, or `affiliate`) and when. */
    payout_method_updated_at: string | null
    payout_method_updated_by: string | null
    customer: CustomerSummary | null
    /** Set once the affiliate has a login of their own. */
    auth_identity_id: string | null
    login_invite_sent_at: string | null
    login_invite_expires_at: string | null
  }
}

/** Create and update answer without the stats. */
export type AffiliateResponse = {
  affiliate: Affiliate
}

export type CreateAffiliatePayload = {
  name: string
  email: string
  code?: string
  status?: AffiliateStatus
  commission_rate?: number | null
  metadata?: Record<string, unknown> | null
}

export type UpdateAffiliatePayload = Partial<CreateAffiliatePayload> & {
  /** Moves the affiliate into another program. */
  program_id?: string
}

export type DeleteAffiliateResponse = Deleted<"affiliate">

export const useAffiliates = (query: AffiliatesQuery) =>
  useListQuery<AffiliatesResponse>(affiliateQueryKeys.list(query), "/admin/affiliates", query)

/**
 * With account sync on, an approval syncs the affiliate's customer account in
 * the background (the `affiliate.approved` subscriber), after the approval has
 * answered: the page polls for the account for a while after the change.
 */
const ACCOUNT_SYNC_WAIT_MS = 30_000
const ACCOUNT_SYNC_POLL_MS = 1000

const isAwaitingAccountSync = (affiliate: AffiliateDetailResponse["affiliate"] | undefined) =>
  affiliate?.status === "approved" &&
  !affiliate.customer &&
  // Either way: the admin's clock and the server's may differ a little.
  Math.abs(Date.now() - Date.parse(affiliate.updated_at)) < ACCOUNT_SYNC_WAIT_MS

export const useAffiliate = (
  id: string,
  options: { awaitAccountSync?: boolean } = {}
) =>
  useQuery({
    queryKey: affiliateQueryKeys.detail(id),
    queryFn: () =>
      getAdmin<AffiliateDetailResponse>(`/admin/affiliates/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) =>
      options.awaitAccountSync && isAwaitingAccountSync(query.state.data?.affiliate)
        ? ACCOUNT_SYNC_POLL_MS
        : false,
  })

/**
 * Affiliates appear in the connection lists, the pickers and the ledger too
 * (name, code, status), and programs count them: a change to one refreshes
 * those as well.
 */
const useInvalidateAffiliates = () =>
  useInvalidate(
    affiliateQueryKeys.all,
    affiliateConnectionQueryKeys.all,
    affiliateCommissionQueryKeys.all,
    affiliateProgramQueryKeys.all
  )

export const useCreateAffiliate = () => {
  const invalidate = useInvalidateAffiliates()
  return useMutation<AffiliateResponse, FetchError, CreateAffiliatePayload>({
    mutationFn: (body) =>
      postAdmin<AffiliateResponse>("/admin/affiliates", body),
    onSuccess: ({ affiliate }) => {
      invalidate()
      toast.success(`${affiliate.name} was added as an affiliate`)
    },
    onError: toastServerError,
  })
}

const STATUS_CHANGE_MESSAGES: Record<AffiliateStatus, string> = {
  pending: "is pending approval",
  approved: "is approved",
  blocked: "is blocked",
}

export const useUpdateAffiliate = (id: string) => {
  const invalidate = useInvalidateAffiliates()
  return useMutation<AffiliateResponse, FetchError, UpdateAffiliatePayload>({
    mutationFn: (body) =>
      postAdmin<AffiliateResponse>(`/admin/affiliates/${id}`, body),
    onSuccess: ({ affiliate }, body) => {
      invalidate()
      const only = (key: keyof UpdateAffiliatePayload) =>
        body[key] !== undefined && Object.keys(body).length === 1
      toast.success(
        only("status")
          ? `${affiliate.name} ${STATUS_CHANGE_MESSAGES[affiliate.status]}`
          : only("program_id")
            ? `${affiliate.name} moved to another program`
            : `${affiliate.name} was updated`
      )
    },
    onError: toastServerError,
  })
}

/** Emails the affiliate a link to set up their login (a new one voids the last). */
export const useSendLoginInvite = (id: string) => {
  const invalidate = useInvalidateAffiliates()
  return useMutation<AffiliateResponse, FetchError, void>({
    mutationFn: () => postAdmin<AffiliateResponse>(`/admin/affiliates/${id}/login-invite`, {}),
    onSuccess: ({ affiliate }) => {
      invalidate()
      toast.success(`Login invite sent to ${affiliate.email}`)
    },
    onError: toastServerError,
  })
}

export const useDeleteAffiliate = (id: string) => {
  const queryClient = useQueryClient()
  const invalidate = useInvalidateAffiliates()
  return useMutation<DeleteAffiliateResponse, FetchError, void>({
    mutationFn: () =>
      deleteAdmin<DeleteAffiliateResponse>(`/admin/affiliates/${id}`),
    onSuccess: () => {
      // Going Back to its page must not show the deleted affiliate from the cache.
      queryClient.removeQueries({ queryKey: affiliateQueryKeys.detail(id) })
      invalidate()
      toast.success("Affiliate deleted")
    },
    onError: toastServerError,
  })
}
