import type { AttributionMethod } from "../../../modules/affiliate"
import type { CommissionAttribution } from "../../../modules/affiliate/models/affiliate-commission"
import type { ATTRIBUTION_OUTCOMES } from "../../../modules/affiliate/models/affiliate-order-attribution"
import type { CommissionLine, TierUsed } from "../../../modules/affiliate/utils/commission-rules"
import type { OrderItemForTerms } from "../utils/commission-terms"

export type OrderAttributionDecision = {
  order_id: string
  customer_id: string | null
  email: string | null
  affiliate_id: string | null
  method: CommissionAttribution | null
  outcome: (typeof ATTRIBUTION_OUTCOMES)[number]
  commission: {
    affiliate_id: string
    order_id: string
    order_display_id: number | null
    customer_id: string | null
    currency_code: string
    base_amount: number
    rate: number
    amount: number
    attribution: CommissionAttribution
    status: "pending" | "approved" | "rejected"
    reason: string | null
    /** The end of the hold period (the order's placement + hold_days); null without a hold. */
    available_at: Date | null
    program_id: string
    lines: CommissionLine[]
    tier: TierUsed | null
    flag: "self_referral" | null
    /** An order credited by hand: the admin user and their note. */
    created_by?: string | null
    note?: string | null
  } | null
  /** Connect the referred customer to the affiliate (auto-connect). */
  connect_customer: boolean
  /** The buyer's account email (lower-cased), copied onto a connection auto-connect makes. */
  customer_email: string | null
  /** The order was refunded before it was credited (a late credit): the refunds are recorded too. */
  has_refunds: boolean
  /** The connection the order was credited through, counted for an `orders` lifetime of `limit`. */
  connection_credit: { connection_id: string; limit: number | null } | null
  /** Live connections found past their program's lifetime: ended (`expired`). */
  expired_connection_ids: string[]
}

/** What the lookups need of an order: who bought it, with what code. */
export type OrderHeader = {
  id: string
  display_id: number | null
  created_at: string | Date
  status: string
  is_draft_order: boolean | null
  email: string | null
  customer_id: string | null
  currency_code: string
  metadata: Record<string, unknown> | null
}

/** What the commission needs of it besides: its lines with their totals, its transactions. */
export type OrderLines = {
  transactions: { reference: string | null }[] | null
  items: (OrderItemForTerms & { total: unknown; tax_total: unknown; subtotal: unknown })[] | null
}

export type OrderForCrediting = OrderHeader & OrderLines

export type CandidateAffiliate = {
  id: string
  email: string
  status: string
  commission_rate: unknown
  customer_id: string | null
  /** Null: the default program. */
  program_id: string | null
}

export type Candidate = {
  method: AttributionMethod
  affiliate_id: string
  /** Null when the affiliate was deleted. */
  affiliate: CandidateAffiliate | null
  /** The connection, for the `connection` method. */
  connection?: { id: string; created_at: string | Date; credited_orders: number }
  /** When the server recorded the code, for the `link` method (signed). */
  referred_at?: Date
}

export type FoundCandidates = {
  candidates: Candidate[]
  /** The buyer has a live connection of their own (auto-connect must leave it). */
  buyer_connected: boolean
  /** The buyer's account email (lower-cased) when auto-connect may connect them, else null. */
  buyer_email: string | null
}
