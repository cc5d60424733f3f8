import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { plural } from "../../lib/format"
import { toastServerError } from "../../lib/server-errors"
import type { Deleted, ListPage, ListParams } from "./admin-api"
import { deleteAdmin, getAdmin, postAdmin, useInvalidate, useListQuery } from "./admin-api"
import { affiliateProgramQueryKeys, affiliateQueryKeys } from "./query-keys"

export type ProgramCommissionType = "percentage" | "fixed"
export type ConnectionLifetime = "forever" | "days" | "orders"
export type SelfReferralPolicy = "reject" | "flag" | "allow"
export type TierMetric = "revenue" | "orders"
export type TierPeriod = "month" | "lifetime"

/** Amounts per currency code, in major units: `{ usd: 5 }`. */
export type CurrencyAmounts = Record<string, number>

/** From `threshold` revenue (or orders) in the period, the rate is `rate` percent. */
export type ProgramTier = { threshold: number; rate: number }

/** What a program's affiliates earn, and for how long a connection counts. */
export type AffiliateProgramTerms = {
  name: string
  commission_type: ProgramCommissionType
  /** Percent; null means the store's default rate. */
  commission_rate: number | null
  /** Fixed commission per order, for `fixed`. */
  commission_amounts: CurrencyAmounts | null
  connection_lifetime: ConnectionLifetime
  /** Days or orders, for the `days` and `orders` lifetimes. */
  connection_lifetime_value: number | null
  /** Days a referral code on a cart is honoured; null: as long as the cart lives. */
  referral_window_days: number | null
  /** Null means the store setting. */
  auto_approve_commissions: boolean | null
  self_referral_policy: SelfReferralPolicy
  /** Null: no performance tiers. */
  tier_metric: TierMetric | null
  tier_period: TierPeriod
  tiers: ProgramTier[] | null
  /** Percent off the order of an affiliate's coupon; null: 10. */
  coupon_percentage: number | null
  /** Every affiliate approved in the program gets a coupon. */
  auto_create_coupon: boolean
}

export type AffiliateProgram = AffiliateProgramTerms & {
  id: string
  is_default: boolean
  affiliate_count: number
  rule_count: number
  created_at: string
}

export type RuleTarget = "product" | "category" | "collection" | "type"
export type RuleKind = "percentage" | "fixed" | "excluded"

/** A program's commission for the lines of one product, category, collection or type. */
export type AffiliateCommissionRule = {
  id: string
  target: RuleTarget
  target_id: string
  /** The product's title, the category's name…; null once it is deleted. */
  target_label: string | null
  kind: RuleKind
  /** Percent, for `percentage`. */
  rate: number | null
  /** Per unit, for `fixed`. */
  amounts: CurrencyAmounts | null
}

export type AffiliateProgramDetail = AffiliateProgram & {
  rules: AffiliateCommissionRule[]
}

/** Programs have a fixed order: the default program first, then by name. */
export type AffiliateProgramsQuery = Omit<ListParams, "order">

export type AffiliateProgramsResponse = ListPage<"programs", AffiliateProgram>

export type AffiliateProgramResponse = { program: AffiliateProgramDetail }

export type AffiliateProgramPayload = Partial<AffiliateProgramTerms>

export type AffiliateCommissionRulePayload = {
  target: RuleTarget
  target_id: string
  kind: RuleKind
  rate?: number | null
  amounts?: CurrencyAmounts | null
}

export type MoveAffiliatesResponse = { program_id: string; moved: number }

export const useAffiliatePrograms = (
  query: AffiliateProgramsQuery,
  options: { enabled?: boolean } = {}
) =>
  useListQuery<AffiliateProgramsResponse>(
    affiliateProgramQueryKeys.list(query),
    "/admin/affiliate-programs",
    query,
    options
  )

/**
 * Every program, for a select or to look programs up by id: more than this
 * many is not a store's affiliate scheme any more.
 */
export const useAllAffiliatePrograms = () => useAffiliatePrograms({ limit: 100 })

export const useAffiliateProgram = (id: string) =>
  useQuery({
    queryKey: affiliateProgramQueryKeys.detail(id),
    queryFn: () =>
      getAdmin<AffiliateProgramResponse>(`/admin/affiliate-programs/${id}`),
    enabled: Boolean(id),
  })

/**
 * Programs show on the affiliates' pages (their program's name) and count
 * their affiliates and rules: a change refreshes both.
 */
const useInvalidatePrograms = () =>
  useInvalidate(affiliateProgramQueryKeys.all, affiliateQueryKeys.all)

export const useCreateAffiliateProgram = () => {
  const invalidate = useInvalidatePrograms()
  return useMutation<AffiliateProgramResponse, FetchError, AffiliateProgramPayload>({
    mutationFn: (body) =>
      postAdmin<AffiliateProgramResponse>("/admin/affiliate-programs", body),
    onSuccess: ({ program }) => {
      invalidate()
      toast.success(`The program ${program.name} was created`)
    },
    onError: toastServerError,
  })
}

export const useUpdateAffiliateProgram = (id: string) => {
  const invalidate = useInvalidatePrograms()
  return useMutation<AffiliateProgramResponse, FetchError, AffiliateProgramPayload>({
    mutationFn: (body) =>
      postAdmin<AffiliateProgramResponse>(`/admin/affiliate-programs/${id}`, body),
    onSuccess: ({ program }) => {
      invalidate()
      toast.success(`The program ${program.name} was updated`)
    },
    onError: toastServerError,
  })
}

export const useDeleteAffiliateProgram = (id: string) => {
  const queryClient = useQueryClient()
  const invalidate = useInvalidatePrograms()
  return useMutation<Deleted<"affiliate_program">, FetchError, void>({
    mutationFn: () =>
      deleteAdmin(`/admin/affiliate-programs/${id}`),
    onSuccess: () => {
      // Going Back to its page must not show the deleted program from the cache.
      queryClient.removeQueries({ queryKey: affiliateProgramQueryKeys.detail(id) })
      invalidate()
      toast.success("Program deleted")
    },
    onError: toastServerError,
  })
}

export const useCreateCommissionRule = (programId: string) => {
  const invalidate = useInvalidatePrograms()
  return useMutation<
    { rule: AffiliateCommissionRule },
    FetchError,
    AffiliateCommissionRulePayload
  >({
    mutationFn: (body) =>
      postAdmin(`/admin/affiliate-programs/${programId}/rules`, body),
    onSuccess: () => {
      invalidate()
      toast.success("Rule added")
    },
    onError: toastServerError,
  })
}

export const useUpdateCommissionRule = (programId: string) => {
  const invalidate = useInvalidatePrograms()
  return useMutation<
    { rule: AffiliateCommissionRule },
    FetchError,
    { id: string } & Pick<AffiliateCommissionRulePayload, "kind" | "rate" | "amounts">
  >({
    mutationFn: ({ id, ...body }) =>
      postAdmin(`/admin/affiliate-programs/${programId}/rules/${id}`, body),
    onSuccess: () => {
      invalidate()
      toast.success("Rule updated")
    },
    onError: toastServerError,
  })
}

export const useDeleteCommissionRule = (programId: string) => {
  const invalidate = useInvalidatePrograms()
  return useMutation<unknown, FetchError, string>({
    mutationFn: (id) =>
      deleteAdmin(`/admin/affiliate-programs/${programId}/rules/${id}`),
    onSuccess: () => {
      invalidate()
      toast.success("Rule deleted")
    },
    onError: toastServerError,
  })
}

/** Moves affiliates into a program: from the next order on, they earn on its terms. */
export const useMoveAffiliatesToProgram = (programId: string) => {
  const invalidate = useInvalidatePrograms()
  return useMutation<MoveAffiliatesResponse, FetchError, string[]>({
    mutationFn: (affiliateIds) =>
      postAdmin<MoveAffiliatesResponse>(`/admin/affiliate-programs/${programId}/affiliates`, {
        affiliate_ids: affiliateIds,
      }),
    onSuccess: ({ moved }) => {
      invalidate()
      toast.success(`${plural(moved, "affiliate", "affiliates")} moved`)
    },
    onError: toastServerError,
  })
}
