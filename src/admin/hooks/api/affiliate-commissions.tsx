import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { plural } from "../../lib/format"
import { toastServerError } from "../../lib/server-errors"
import type { ListPage, ListParams } from "./admin-api"
import { downloadCsv, getAdmin, postAdmin, useInvalidate, useListQuery } from "./admin-api"
import type { CustomerSummary } from "./affiliate-connections"
import type { RuleTarget, TierMetric, TierPeriod } from "./affiliate-programs"
import {
  affiliateCommissionQueryKeys,
  affiliatePayoutQueryKeys,
  affiliateQueryKeys,
} from "./query-keys"

export type AffiliateCommissionStatus = "pending" | "approved" | "paid" | "rejected"
/** `manual`: an admin credited the order by hand, or gave a bonus or deduction. */
export type AffiliateCommissionAttribution = "connection" | "coupon" | "link" | "manual"

/** Where an admin can move a commission; `pending` is where they start. */
export type AffiliateCommissionTargetStatus = Exclude<
  AffiliateCommissionStatus,
  "pending"
>

export type AffiliateCommissionAdjustment = {
  id: string
  amount: number
  reason: string
  reference: string | null
  created_at: string
}

export type CommissionLineKind = "percentage" | "fixed" | "excluded" | "default" | "order"

/** One part of a commission: a line item and how it earned (see utils/commission-rules.ts). */
export type AffiliateCommissionLine = {
  /** Null for the program's fixed amount per order. */
  item_id: string | null
  title: string
  quantity: number
  base: number
  rule_id: string | null
  rule_target: RuleTarget | null
  kind: CommissionLineKind
  /** Percent, for percentage lines. */
  rate: number | null
  /** A `default` line's rate: the affiliate's own, their tier's, the program's or the store's (absent on old lines). */
  rate_source?: "affiliate" | "tier" | "program" | "store" | null
  amount: number
}

/** The performance tier a commission's rate came from. */
export type AffiliateCommissionTier = {
  metric: TierMetric
  period: TierPeriod
  /** The affiliate's credited revenue or orders in the period, before this order. */
  measured: number
  threshold: number
  rate: number
}

/** A ledger row; money in the currency's major units. */
export type AffiliateCommission = {
  id: string
  affiliate_id: string
  /** Null for a bonus or a deduction. */
  order_id: string | null
  customer_id: string | null
  currency_code: string
  base_amount: number
  /** Percentage (0–100). */
  rate: number
  amount: number
  attribution: AffiliateCommissionAttribution
  status: AffiliateCommissionStatus
  reason: string | null
  adjustment_total: number
  net_amount: number
  /** End of the hold period: before it the commission cannot be approved or paid. */
  available_at: string | null
  /** The program whose terms made it; null for commissions made before programs. */
  program_id?: string | null
  /** How each line item earned; null for commissions made before programs. */
  lines?: AffiliateCommissionLine[] | null
  tier?: AffiliateCommissionTier | null
  /** `self_referral`: kept pending for an admin to review. */
  flag?: "self_referral" | null
  /** The commission that replaced this one, when an admin moved it to another affiliate. */
  reassigned_to_id?: string | null
  /** The commission this one replaced. */
  reassigned_from_id?: string | null
  /** The admin user who moved it. */
  reassigned_by?: string | null
  /** Made by hand: the admin user who did, and their note (the affiliate sees it). */
  created_by?: string | null
  note?: string | null
  /** `reassign_reason`: why an admin moved it here (on the new commission). */
  metadata?: Record<string, unknown> | null
  created_at: string
  affiliate: { id: string; name: string; code: string } | null
  order: { id: string; display_id: number } | null
  /** The buyer (a guest's customer record too). */
  customer: Omit<CustomerSummary, "has_account"> | null
  adjustments: AffiliateCommissionAdjustment[]
}

/** `q` searches the buyer's email and name. */
export type AffiliateCommissionsQuery = ListParams & {
  affiliate_id?: string | string[]
  order_id?: string
  status?: AffiliateCommissionStatus[]
  attribution?: AffiliateCommissionAttribution[]
  flag?: "self_referral"
  created_at?: { $gte?: string; $lte?: string }
}

export type AffiliateCommissionsResponse = ListPage<
  "affiliate_commissions",
  AffiliateCommission
> & {
  /** Present when `count` is the database's estimate (over 10,000 matches), not a count. */
  estimate_count?: number
}

export type UpdateAffiliateCommissionsPayload = {
  ids: string[]
  status: AffiliateCommissionTargetStatus
  reason?: string
}

/**
 * What the list adds to its default fields: how each commission was made and
 * whether it needs a look (the ledger's badges, the order widget's lines).
 */
const LIST_FIELDS = [
  "+program_id",
  "+lines",
  "+tier",
  "+flag",
  "+reassigned_to_id",
  "+reassigned_from_id",
  "+reassigned_by",
].join(",")

export const useAffiliateCommissions = (
  query: AffiliateCommissionsQuery,
  options: { enabled?: boolean } = {}
) =>
  useListQuery<AffiliateCommissionsResponse>(
    affiliateCommissionQueryKeys.list(query),
    "/admin/affiliate-commissions",
    { ...query, fields: LIST_FIELDS },
    options
  )

export const useAffiliateCommission = (id: string | null | undefined) =>
  useQuery({
    queryKey: affiliateCommissionQueryKeys.detail(id ?? ""),
    queryFn: () =>
      getAdmin<{ affiliate_commission: AffiliateCommission }>(`/admin/affiliate-commissions/${id}`),
    enabled: Boolean(id),
  })

/** Totals on the affiliates' pages and balances move with the ledger. */
const useInvalidateLedger = () =>
  useInvalidate(
    affiliateCommissionQueryKeys.all,
    affiliateQueryKeys.all,
    affiliatePayoutQueryKeys.all
  )

export type ReassignAffiliateCommissionPayload = {
  id: string
  affiliate_id: string
  reason: string
}

export type ReassignAffiliateCommissionResponse = {
  /** The new commission, credited to the other affiliate. */
  commission: AffiliateCommission
  /** The one it replaces, now rejected. */
  previous: AffiliateCommission
}

/**
 * Moves a commission to another affiliate: the old one is rejected and points
 * to a new one for the other affiliate. Errors are left to the caller's form.
 */
export const useReassignAffiliateCommission = () => {
  const invalidate = useInvalidateLedger()
  return useMutation<
    ReassignAffiliateCommissionResponse,
    FetchError,
    ReassignAffiliateCommissionPayload
  >({
    mutationFn: ({ id, ...body }) =>
      postAdmin<ReassignAffiliateCommissionResponse>(
        `/admin/affiliate-commissions/${id}/reassign`,
        body
      ),
    onSuccess: () => {
      invalidate()
      toast.success("Commission reassigned")
    },
  })
}

export type CreditOrderByHandPayload = { order_id: string; affiliate_id: string; note: string }

/** Credits an order that credits nobody to the affiliate picked, with a note. */
export const useCreditOrderByHand = () => {
  const invalidate = useInvalidateLedger()
  return useMutation<{ commission: AffiliateCommission }, FetchError, CreditOrderByHandPayload>({
    mutationFn: (body) => postAdmin("/admin/affiliate-commissions/credit-order", body),
    onSuccess: ({ commission }) => {
      invalidate()
      toast.success(`Order credited to ${commission.affiliate?.name ?? "the affiliate"}`)
    },
  })
}

export type CreateAffiliateBonusPayload = {
  affiliate_id: string
  currency_code: string
  /** Positive: a bonus; negative: a deduction. */
  amount: number
  note: string
}

/** A one-off bonus or deduction: a ledger line without an order, payable in the next batch. */
export const useCreateAffiliateBonus = () => {
  const invalidate = useInvalidateLedger()
  return useMutation<{ commission: AffiliateCommission }, FetchError, CreateAffiliateBonusPayload>({
    mutationFn: (body) => postAdmin("/admin/affiliate-commissions/bonuses", body),
    onSuccess: ({ commission }) => {
      invalidate()
      toast.success(commission.amount < 0 ? "Deduction recorded" : "Bonus recorded")
    },
  })
}

const STATUS_CHANGE_VERBS: Record<AffiliateCommissionTargetStatus, string> = {
  approved: "approved",
  rejected: "rejected",
  paid: "marked paid",
}

/**
 * Approves, rejects or marks paid one or several commissions: all of them or,
 * when one cannot make the move, none.
 */
export const useUpdateAffiliateCommissions = () => {
  const invalidate = useInvalidateLedger()
  return useMutation<
    { affiliate_commissions: AffiliateCommission[] },
    FetchError,
    UpdateAffiliateCommissionsPayload
  >({
    mutationFn: (body) =>
      postAdmin("/admin/affiliate-commissions/batch", body),
    onSuccess: ({ affiliate_commissions }, { status }) => {
      invalidate()
      const count = affiliate_commissions.length
      toast.success(
        `${plural(count, "commission", "commissions")} ${STATUS_CHANGE_VERBS[status]}`
      )
    },
    onError: toastServerError,
  })
}

/** Downloads the ledger, filtered like the list, as a CSV file. */
export const useExportAffiliateCommissions = () =>
  useMutation<void, FetchError, AffiliateCommissionsQuery>({
    mutationFn: ({ limit: _limit, offset: _offset, order: _order, ...filters }) =>
      downloadCsv("/admin/affiliate-commissions/export", filters, "affiliate-commissions.csv"),
    onError: toastServerError,
  })
