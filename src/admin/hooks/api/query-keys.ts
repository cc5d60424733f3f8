import type { AffiliateCommissionsQuery } from "./affiliate-commissions"
import type {
  AffiliateConnectionsQuery,
  AffiliateCustomersQuery,
  PickerAffiliate,
} from "./affiliate-connections"
import type {
  AffiliateBalancesQuery,
  AffiliatePayoutBatchesQuery,
  AffiliatePayoutsQuery,
} from "./affiliate-payouts"
import type { AffiliateProgramsQuery, RuleTarget } from "./affiliate-programs"
import type { AffiliatesQuery } from "./affiliates"

/**
 * Every query key of the plugin's admin, in one place: a mutation in one hooks
 * file often changes what another file's queries show (connecting a customer
 * changes the affiliate's customer count), and one factory lets it name them
 * without the hooks files importing each other.
 */
export const affiliateQueryKeys = {
  all: ["affiliate"] as const,
  lists: () => [...affiliateQueryKeys.all, "list"] as const,
  list: (query: AffiliatesQuery) => [...affiliateQueryKeys.lists(), query] as const,
  details: () => [...affiliateQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...affiliateQueryKeys.details(), id] as const,
}

export const affiliateConnectionQueryKeys = {
  all: ["affiliate_connection"] as const,
  lists: () => [...affiliateConnectionQueryKeys.all, "list"] as const,
  list: (query: AffiliateConnectionsQuery) =>
    [...affiliateConnectionQueryKeys.lists(), query] as const,
  affiliateCustomers: (affiliateId: string, query: AffiliateCustomersQuery) =>
    [...affiliateConnectionQueryKeys.all, "affiliate_customers", affiliateId, query] as const,
  customerPicker: (q: string) =>
    [...affiliateConnectionQueryKeys.all, "customer_picker", q] as const,
  affiliatePicker: (q: string, status: PickerAffiliate["status"] | undefined) =>
    [...affiliateConnectionQueryKeys.all, "affiliate_picker", q, status] as const,
}

export const affiliateCommissionQueryKeys = {
  all: ["affiliate_commission"] as const,
  list: (query: AffiliateCommissionsQuery) =>
    [...affiliateCommissionQueryKeys.all, "list", query] as const,
  detail: (id: string) => [...affiliateCommissionQueryKeys.all, "detail", id] as const,
}

export const affiliateProgramQueryKeys = {
  all: ["affiliate_program"] as const,
  list: (query: AffiliateProgramsQuery) =>
    [...affiliateProgramQueryKeys.all, "list", query] as const,
  detail: (id: string) => [...affiliateProgramQueryKeys.all, "detail", id] as const,
}

/** Medusa's own catalog and store, read by the program pages. */
export const catalogQueryKeys = {
  all: ["affiliate_catalog"] as const,
  /** Products, categories, collections or types offered to a rule. */
  ruleTargets: (target: RuleTarget, q: string) =>
    [...catalogQueryKeys.all, "rule_targets", target, q] as const,
  storeCurrencies: () => [...catalogQueryKeys.all, "store_currencies"] as const,
  user: (id: string) => [...catalogQueryKeys.all, "user", id] as const,
}

export const affiliatePayoutQueryKeys = {
  all: ["affiliate_payout"] as const,
  balances: (query: AffiliateBalancesQuery) =>
    [...affiliatePayoutQueryKeys.all, "balances", query] as const,
  payouts: (query: AffiliatePayoutsQuery) =>
    [...affiliatePayoutQueryKeys.all, "list", query] as const,
  batches: (query: AffiliatePayoutBatchesQuery) =>
    [...affiliatePayoutQueryKeys.all, "batches", query] as const,
  batch: (id: string) => [...affiliatePayoutQueryKeys.all, "batch", id] as const,
}

export const affiliatePromotionQueryKeys = {
  all: ["affiliate_promotion"] as const,
  list: (affiliateId: string) =>
    [...affiliatePromotionQueryKeys.all, "list", affiliateId] as const,
  /** Medusa's promotions offered to pick a coupon from. */
  picker: (q: string) => [...affiliatePromotionQueryKeys.all, "picker", q] as const,
}

export const affiliateSettingsQueryKeys = {
  all: ["affiliate_settings"] as const,
  detail: () => [...affiliateSettingsQueryKeys.all, "detail"] as const,
}

export const affiliateSyncRunQueryKeys = {
  all: ["affiliate_sync_run"] as const,
  latest: () => [...affiliateSyncRunQueryKeys.all, "latest"] as const,
}

/** Medusa admin's own key for its customers (list and detail pages). */
export const MEDUSA_CUSTOMERS_QUERY_KEY = ["customers"] as const
