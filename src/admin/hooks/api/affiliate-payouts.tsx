import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { toastServerError } from "../../lib/server-errors"
import {
  affiliateCommissionQueryKeys,
  affiliatePayoutQueryKeys,
  affiliateQueryKeys,
} from "./query-keys"

export type PayoutMethod = "paypal" | "bank_transfer" | "other"
export type AffiliatePayoutStatus = "draft" | "processing" | "paid" | "failed" | "canceled"

/** Where the affiliate asked to be paid. */
export type PayoutDetails = {
  paypal_email?: string
  instructions?: string
}

/** Where to pay: an affiliate's current choice, or the one frozen on a payout. */
export type PayoutDestination = {
  payout_method: PayoutMethod | null
  payout_details: PayoutDetails | null
}

export type PayoutAffiliate = PayoutDestination & {
  id: string
  name: string
  email: string
  code: string
}

/** Why a balance waits outside the next batch. */
export type BalanceExclusion = "affiliate_blocked" | "affiliate_deleted"

/** What one affiliate is owed in one currency; money in major units. */
export type AffiliateBalance = {
  affiliate_id: string
  currency_code: string
  on_hold: number
  payable: number
  in_payout: number
  paid: number
  /** Null when the next batch pays it (above its minimum). */
  excluded_reason: BalanceExclusion | null
  affiliate: Omit<PayoutAffiliate, "payout_details"> | null
}

/** A payout, with the payout details frozen when its batch was made. */
export type AffiliatePayout = PayoutDestination & {
  id: string
  batch_id: string
  currency_code: string
  amount: number
  status: AffiliatePayoutStatus
  reason: string | null
  provider_id: string | null
  provider_reference: string | null
  paid_at: string | null
  created_at: string
  affiliate: {
    id: string
    name: string
    email: string
    code: string
    status: "pending" | "approved" | "blocked"
  } | null
}

export type AffiliatePayoutBatchTotal = {
  currency_code: string
  amount: number
  payout_count: number
}

export type AffiliatePayoutBatch = {
  id: string
  created_by: string | null
  created_at: string
  payout_count: number
  totals: AffiliatePayoutBatchTotal[]
}

export type AffiliateBalancesQuery = {
  affiliate_id?: string[]
  limit?: number
  offset?: number
}

export type AffiliatePayoutsQuery = {
  affiliate_id?: string
  batch_id?: string
  limit?: number
  offset?: number
}

export type AffiliatePayoutBatchesQuery = {
  limit?: number
  offset?: number
}

export type AffiliatePayoutTargetStatus = "processing" | "paid" | "failed" | "canceled"

export type UpdateAffiliatePayoutPayload = {
  id: string
  status: AffiliatePayoutTargetStatus
  reason?: string
}

export const useAffiliateBalances = (
  query: AffiliateBalancesQuery,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: affiliatePayoutQueryKeys.balances(query),
    queryFn: () =>
      sdk.client.fetch<{ affiliate_balances: AffiliateBalance[]; count: number }>(
        "/admin/affiliate-balances",
        { method: "GET", query }
      ),
    placeholderData: keepPreviousData,
    ...options,
  })

export const useAffiliatePayouts = (query: AffiliatePayoutsQuery) =>
  useQuery({
    queryKey: affiliatePayoutQueryKeys.payouts(query),
    queryFn: () =>
      sdk.client.fetch<{ affiliate_payouts: AffiliatePayout[]; count: number }>(
        "/admin/affiliate-payouts",
        { method: "GET", query }
      ),
    placeholderData: keepPreviousData,
  })

export const useAffiliatePayoutBatches = (query: AffiliatePayoutBatchesQuery) =>
  useQuery({
    queryKey: affiliatePayoutQueryKeys.batches(query),
    queryFn: () =>
      sdk.client.fetch<{ affiliate_payout_batches: AffiliatePayoutBatch[]; count: number }>(
        "/admin/affiliate-payout-batches",
        { method: "GET", query }
      ),
    placeholderData: keepPreviousData,
  })

export const useAffiliatePayoutBatch = (id: string) =>
  useQuery({
    queryKey: affiliatePayoutQueryKeys.batch(id),
    queryFn: () =>
      sdk.client.fetch<{
        affiliate_payout_batch: AffiliatePayoutBatch & { payouts: AffiliatePayout[] }
      }>(`/admin/affiliate-payout-batches/${id}`, { method: "GET" }),
    enabled: !!id,
  })

/**
 * Payouts move balances, commission statuses and affiliate totals: every
 * payout mutation refreshes all of them.
 */
const useInvalidatePayoutQueries = () => {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: affiliatePayoutQueryKeys.all })
    void queryClient.invalidateQueries({ queryKey: affiliateCommissionQueryKeys.all })
    void queryClient.invalidateQueries({ queryKey: affiliateQueryKeys.all })
  }
}

export type CreatedAffiliatePayoutBatch = {
  affiliate_payout_batch: AffiliatePayoutBatch & { payouts: AffiliatePayout[] }
}

/**
 * Creates a batch of every payable balance. "Nothing to pay" is an answer,
 * not a failure: the caller shows it in place, so no error toast here.
 */
export const useCreateAffiliatePayoutBatch = () => {
  const invalidate = useInvalidatePayoutQueries()
  return useMutation<CreatedAffiliatePayoutBatch, FetchError, void>({
    mutationFn: () =>
      sdk.client.fetch("/admin/affiliate-payouts", { method: "POST", body: {} }),
    onSuccess: ({ affiliate_payout_batch }) => {
      invalidate()
      const count = affiliate_payout_batch.payout_count
      toast.success(`Payout batch created with ${count} ${count === 1 ? "payout" : "payouts"}`)
    },
  })
}

const PAYOUT_STATUS_VERBS: Record<AffiliatePayoutTargetStatus, string> = {
  processing: "marked processing",
  paid: "marked paid",
  failed: "marked failed",
  canceled: "canceled",
}

export const useUpdateAffiliatePayout = () => {
  const invalidate = useInvalidatePayoutQueries()
  return useMutation<{ affiliate_payout: AffiliatePayout }, FetchError, UpdateAffiliatePayoutPayload>({
    mutationFn: ({ id, ...body }) =>
      sdk.client.fetch(`/admin/affiliate-payouts/${id}`, { method: "POST", body }),
    onSuccess: (_, { status }) => {
      invalidate()
      toast.success(`Payout ${PAYOUT_STATUS_VERBS[status]}`)
    },
    onError: toastServerError,
  })
}

/** What to download: every payout as CSV, or the PayPal file of one currency. */
export type PayoutExport = { format: "csv" } | { format: "paypal"; currency_code: string }

/** Downloads a batch as a CSV of every payout, or as a PayPal Payouts bulk file of one currency. */
export const useExportAffiliatePayoutBatch = (batchId: string) =>
  useMutation<void, FetchError, PayoutExport>({
    mutationFn: async (request) => {
      const response = await sdk.client.fetch<Response>(
        `/admin/affiliate-payout-batches/${batchId}/export`,
        { method: "GET", query: request, headers: { accept: "text/csv" } }
      )
      const blob = await response.blob()
      const link = document.createElement("a")
      link.href = URL.createObjectURL(blob)
      link.download =
        request.format === "paypal"
          ? `${batchId}-paypal-payouts-${request.currency_code}.csv`
          : `${batchId}-payouts.csv`
      link.click()
      URL.revokeObjectURL(link.href)
    },
    onError: toastServerError,
  })
