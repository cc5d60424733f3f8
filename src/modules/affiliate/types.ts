import type { AffiliateStatus } from "./models/affiliate"
import type { CommissionStatus } from "./models/affiliate-commission"
import type { RuleKind, RuleTarget } from "./models/affiliate-commission-rule"
import type {
  ConnectionLifetime,
  ProgramCommissionType,
  SelfReferralPolicy,
  TierMetric,
  TierPeriod,
} from "./models/affiliate-program"
import type { CommissionRuleTerms, CommissionTier } from "./utils/commission-rules"

export const ATTRIBUTION_METHODS = ["connection", "coupon", "link"] as const
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number]

export const DEFAULT_ATTRIBUTION_ORDER: AttributionMethod[] = [
  "connection",
  "coupon",
  "link",
]

export type AffiliateDTO = {
  id: string
  name: string
  email: string
  code: string
  status: AffiliateStatus
  commission_rate: number | null
  metadata: Record<string, unknown> | null
  customer_id: string | null
  auth_identity_id: string | null
  created_at: Date
  updated_at: Date
}

/** What account sync reads of an affiliate. */
export type AffiliateAccountDTO = {
  id: string
  email: string
  name: string
  status: AffiliateStatus
  customer_id: string | null
  auth_identity_id: string | null
  account_invited_at: Date | null
}

export type CreateAffiliateDTO = {
  name: string
  email: string
  code?: string
  status?: AffiliateStatus
  commission_rate?: number | null
  /** Where they promote the store: an http(s) address. */
  website?: string | null
  metadata?: Record<string, unknown> | null
  /** The affiliate's own login, when they signed up with one. */
  auth_identity_id?: string | null
  /** Their program; null (or the default program's id): the default program. */
  program_id?: string | null
}

export type UpdateAffiliateDTO = Partial<Omit<CreateAffiliateDTO, "auth_identity_id">>

/** The filters of a commission listing done in SQL (see listCommissionIdsAfter). */
export type AffiliateCommissionFilters = {
  affiliate_id?: string[]
  order_id?: string[]
  customer_id?: string[]
  status?: string[]
  attribution?: string[]
  currency_code?: string[]
  program_id?: string[]
  flag?: string[]
  created_at?: Partial<Record<"$gt" | "$gte" | "$lt" | "$lte", string>>
}

/** A number of commissions; `estimated` when it is the query planner's estimate, not a count. */
export type AffiliateCommissionCountDTO = {
  count: number
  estimated: boolean
}

/** One row of an affiliate's customers list: a connected or a referred customer. */
export type AffiliateCustomerRowDTO = {
  customer_id: string
  /** The live connection to this affiliate, or null for a referred customer. */
  connection: {
    id: string
    source: string
    created_at: Date
    created_by: string | null
    /** Orders credited through it, for an `orders` lifetime. */
    credited_orders: number
  } | null
}

/** How long an affiliate's connections last (their program's terms). */
export type ConnectionLifetimeDTO = {
  connection_lifetime: ConnectionLifetime
  /** Days or orders; null under `forever`. */
  connection_lifetime_value: number | null
}

export type AffiliateSettingsDTO = {
  id: string | null
  default_commission_rate: number
  auto_approve: boolean
  auto_approve_commissions: boolean
  auto_connect: boolean
  attribution_order: AttributionMethod[]
  account_sync: AccountSyncSettingsDTO
  /** Days a new commission is held before it can be approved (0: no hold). */
  hold_days: number
  /** The smallest payout per lower-case currency code, in major units. */
  minimum_payouts: Record<string, number>
}

/** A program's terms as stored (see models/affiliate-program.ts). */
export type AffiliateProgramDTO = {
  id: string
  name: string
  is_default: boolean
  commission_type: ProgramCommissionType
  /** Percent; null: the store's default rate. */
  commission_rate: number | null
  commission_amounts: Record<string, number> | null
  connection_lifetime: ConnectionLifetime
  connection_lifetime_value: number | null
  referral_window_days: number | null
  auto_approve_commissions: boolean | null
  self_referral_policy: SelfReferralPolicy
  tier_metric: TierMetric | null
  tier_period: TierPeriod
  tiers: CommissionTier[] | null
  /** Percent off an order of the affiliate coupon; null: the default (10). */
  coupon_percentage: number | null
  /** Every affiliate of the program gets a coupon when approved. */
  auto_create_coupon: boolean
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

/** What crediting reads of a program: its terms and rules. */
export type AffiliateProgramTermsDTO = Pick<
  AffiliateProgramDTO,
  | "id"
  | "commission_type"
  | "commission_rate"
  | "commission_amounts"
  | "connection_lifetime"
  | "connection_lifetime_value"
  | "referral_window_days"
  | "auto_approve_commissions"
  | "self_referral_policy"
  | "tier_metric"
  | "tier_period"
  | "tiers"
> & { rules: CommissionRuleTerms[] }

/** A commission moved to another affiliate (see reassignCommission). */
export type ReassignCommissionDTO = {
  commission_id: string
  affiliate_id: string
  /** The target affiliate's program (the default program's id when it has none). */
  program_id: string | null
  reason: string
  /** The admin user who moved it. */
  reassigned_by: string | null
}

/** What reassignCommission did, and what undoing it restores. */
export type CommissionReassignmentDTO = {
  /** The new commission. */
  id: string
  /** The old commission's fields before it was rejected. */
  previous: {
    id: string
    status: CommissionStatus
    reason: string | null
    reassigned_to_id: string | null
    reassigned_by: string | null
  }
  /** The order's attribution as it was, when there is one. */
  attribution: { id: string; affiliate_id: string | null } | null
}

/** A new program: a name, and terms that default as the model says. */
export type CreateAffiliateProgramDTO = Partial<
  Omit<AffiliateProgramDTO, "id" | "is_default" | "created_at" | "updated_at">
> & { name: string }

export type UpdateAffiliateProgramDTO = Partial<CreateAffiliateProgramDTO>

/** A program's commission for one product, category, collection or product type. */
export type AffiliateCommissionRuleDTO = {
  id: string
  program_id: string
  target: RuleTarget
  target_id: string
  kind: RuleKind
  /** Percent, for `percentage`. */
  rate: number | null
  /** Per unit, per currency, for `fixed`. */
  amounts: Record<string, number> | null
  created_at: Date
  updated_at: Date
}

export type CreateAffiliateCommissionRuleDTO = {
  program_id: string
  target: RuleTarget
  target_id: string
  kind: RuleKind
  rate?: number | null
  amounts?: Record<string, number> | null
}

/** A rule's commission; its program and target stay. */
export type UpdateAffiliateCommissionRuleDTO = {
  kind?: RuleKind
  rate?: number | null
  amounts?: Record<string, number> | null
}

export type AccountSyncSettingsDTO = {
  enabled: boolean
  /** Names of the customer groups synced affiliates join. */
  tags: string[]
}

/** An affiliate's commissions in one currency (major units). */
export type AffiliateCommissionTotalsDTO = {
  affiliate_id: string
  currency_code: string
  /** Commissions that are not rejected. */
  commission_count: number
  pending: number
  approved: number
  paid: number
  rejected: number
  /** Refund and cancellation adjustments on commissions that are not rejected (≤ 0). */
  adjustments: number
  /** pending + approved + paid + adjustments */
  net: number
}

/** What an affiliate is owed in one currency (major units). */
export type AffiliateBalanceDTO = {
  affiliate_id: string
  currency_code: string
  /** Pending commissions (in their hold period or awaiting review), net of refunds. */
  on_hold: number
  /** Approved and in no payout, plus adjustments not yet settled (negative after a refund of paid money). */
  payable: number
  /** In draft or processing payouts. */
  in_payout: number
  /** In paid payouts, and commissions marked paid by hand. */
  paid: number
}

export type CreatePayoutBatchDTO = {
  /** Only these affiliates; all when absent. */
  affiliate_ids?: string[]
  currency_code?: string
  /** Per lower-case currency code, major units. */
  minimum_payouts: Record<string, number>
  /** Also pay affiliates who have not said how (their payouts are paid by hand). */
  include_without_payout_method?: boolean
  created_by?: string | null
}

/** A commission's status before a change, to put it back (a workflow's compensation). */
export type CommissionStatusBeforeDTO = { id: string; status: string; reason: string | null }

/** What reversing a canceled order did: the commissions it rejected and the adjustments it made. */
export type CanceledOrderReversalDTO = {
  rejected: CommissionStatusBeforeDTO[]
  adjustment_ids: string[]
}

/** A refund of an order, for its commissions' adjustments. */
export type OrderRefundDTO = { id: string; amount: number; created_at: string | Date }

/** A payout as it was before a status change, to put it back. */
export type PayoutStatusBeforeDTO = {
  id: string
  status: string
  reason: string | null
  provider_reference: string | null
  paid_at: Date | null
  paid_commission_ids: string[]
  released_item_ids: string[]
}

/** `null` puts a setting back to its default. */
export type UpdateAffiliateSettingsDTO = {
  default_commission_rate?: number | null
  auto_approve?: boolean
  auto_approve_commissions?: boolean
  auto_connect?: boolean
  attribution_order?: AttributionMethod[] | null
  account_sync?: Partial<AccountSyncSettingsDTO>
  hold_days?: number
  minimum_payouts?: Record<string, number> | null
}

export type { AffiliateStatus }
