import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { plural } from "../../lib/format"
import { toastServerError } from "../../lib/server-errors"
import type { ListPage, ListParams } from "./admin-api"
import { downloadCsv, getAdmin, postAdmin, useInvalidate, useListQuery } from "./admin-api"
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

/**
 * Why a balance waits outside the next batch: `no_payout_method` unless the
 * batch includes affiliates without one.
 */
export type BalanceExclusion = "affiliate_blocked" | "affiliate_deleted" | "no_payout_method"

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

export type AffiliatePayoutBatchStatus = "open" | "partially_paid" | "paid" | "canceled"

export type AffiliatePayoutBatch = {
  id: string
  created_by: string | null
  created_at: string
  payout_count: number
  /** From its payouts that are not failed or canceled (`active_count`), of which `paid_count` are paid. */
  status: AffiliatePayoutBatchStatus
  paid_count: number
  active_count: number
  totals: AffiliatePayoutBatchTotal[]
}

/** Balances, payouts and batches have a fixed order and no search. */
type PageParams = Pick<ListParams, "limit" | "offset">

/** A batch with its payouts, as its page and the create route answer it. */
export type AffiliatePayoutBatchDetail = AffiliatePayoutBatch & { payouts: AffiliatePayout[] }

export type AffiliateBalancesQuery = PageParams & { affiliate_id?: string[] }

export type AffiliatePayoutsQuery = PageParams & { affiliate_id?: string; batch_id?: string }

export type AffiliatePayoutBatchesQuery = PageParams

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
  useListQuery<ListPage<"affiliate_balances", AffiliateBalance>>(
    affiliatePayoutQueryKeys.balances(query),
    "/admin/affiliate-balances",
    query,
    options
  )

export const useAffiliatePayouts = (query: AffiliatePayoutsQuery) =>
  useListQuery<ListPage<"affiliate_payouts", AffiliatePayout>>(
    affiliatePayoutQueryKeys.payouts(query),
    "/admin/affiliate-payouts",
    query
  )

export const useAffiliatePayoutBatches = (query: AffiliatePayoutBatchesQuery) =>
  useListQuery<ListPage<"affiliate_payout_batches", AffiliatePayoutBatch>>(
    affiliatePayoutQueryKeys.batches(query),
    "/admin/affiliate-payout-batches",
    query
  )

export const useAffiliatePayoutBatch = (id: string) =>
  useQuery({
    queryKey: affiliatePayoutQueryKeys.batch(id),
    queryFn: () =>
      getAdmin<{
        affiliate_payout_batch: AffiliatePayoutBatchDetail
      }>(`/admin/affiliate-payout-batches/${id}`),
    enabled: !!id,
  })

/**
 * Payouts move balances, commission statuses and affiliate totals: every
 * payout mutation refreshes all of them.
 */
const useInvalidatePayoutQueries = () =>
  useInvalidate(
    affiliatePayoutQueryKeys.all,
    affiliateCommissionQueryKeys.all,
    affiliateQueryKeys.all
  )

export type CreatedAffiliatePayoutBatch = {
  affiliate_payout_batch: AffiliatePayoutBatchDetail
}

export type CreateAffiliatePayoutBatchPayload = {
  /** Also pay affiliates without a payout method (by hand). */
  include_without_payout_method?: boolean
}

/**
 * Creates a batch of every payable balance. "Nothing to pay" is an answer,
 * not a failure: the caller shows it in place, so no error toast here.
 */
export const useCreateAffiliatePayoutBatch = () => {
  const invalidate = useInvalidatePayoutQueries()
  return useMutation<CreatedAffiliatePayoutBatch, FetchError, CreateAffiliatePayoutBatchPayload>({
    mutationFn: (body) =>
      postAdmin("/admin/affiliate-payouts", body),
    onSuccess: ({ affiliate_payout_batch }) => {
      invalidate()
      const count = affiliate_payout_batch.payout_count
      toast.success(`Payout batch created with ${plural(count, "payout", "payouts")}`)
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
      postAdmin(`/admin/affiliate-payouts/${id}`, body),
    onSuccess: (_, { status }) => {
      invalidate()
      toast.success(`Payout ${PAYOUT_STATUS_VERBS[status]}`)
    },
    onError: toastServerError,
  })
}

export type SetPayoutMethodPayload =
  | { payout_method: null }
  | { payout_method: "paypal"; payout_details: { paypal_email: string } }
  | { payout_method: "bank_transfer" | "other"; payout_details: { instructions: string } }

/** Sets how an affiliate is paid, on their behalf: the server emails them about it. */
export const useSetAffiliatePayoutMethod = (affiliateId: string) => {
  const invalidate = useInvalidatePayoutQueries()
  return useMutation<{ affiliate: { name: string } }, FetchError, SetPayoutMethodPayload>({
    mutationFn: (body) => postAdmin(`/admin/affiliates/${affiliateId}/payout-method`, body),
    onSuccess: ({ affiliate }) => {
      invalidate()
      toast.success(`Payout method of ${affiliate.name} saved; they were emailed about the change`)
    },
  })
}

/** What to download: every payout as CSV, or the PayPal file of one currency. */
export type PayoutExport = { format: "csv" } | { format: "paypal"; currency_code: string }

/** Downloads a batch as a CSV of every payout, or as a PayPal Payouts bulk file of one currency. */
export const useExportAffiliatePayoutBatch = (batchId: string) =>
  useMutation<void, FetchError, PayoutExport>({
    mutationFn: (request) =>
      downloadCsv(
        `/admin/affiliate-payout-batches/${batchId}/export`,
        request,
        request.format === "paypal"
          ? `${batchId}-paypal-payouts-${request.currency_code}.csv`
          : `${batchId}-payouts.csv`
      ),
    onError: toastServerError,
  })
