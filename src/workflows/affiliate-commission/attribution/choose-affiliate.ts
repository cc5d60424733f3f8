import type { AffiliateProgramTermsDTO, AffiliateSettingsDTO } from "../../../modules/affiliate"
import type { CommissionAttribution } from "../../../modules/affiliate/models/affiliate-commission"
import { isSameMailbox } from "../../../modules/affiliate/utils/email"
import { isConnectionExpired, isReferralWindowOver } from "../utils/commission-terms"
import type {
  Candidate,
  CandidateAffiliate,
  FoundCandidates,
  OrderAttributionDecision,
  OrderForCrediting,
} from "./types"

/** What the attribution chose, before the commission is computed. */
export type Choice = {
  decision: OrderAttributionDecision
  /** The approved affiliate credited, with their program; null when none. */
  winner:
    | (Omit<Candidate, "method"> & {
        /** How it was found, or `manual`: an admin chose it. */
        method: CommissionAttribution
        affiliate: CandidateAffiliate
        program: AffiliateProgramTermsDTO
      })
    | null
  is_self_referral: boolean
}

/**
 * Who the order credits: the first candidate in the attribution order whose
 * affiliate is approved, leaving out a connection past its program's lifetime
 * (ended as `expired`) and a referral code past its program's window. Both
 * are judged at the order's placement, not now: a late credit decides as the
 * order would have. `programs` holds every candidate's program (null: the
 * default one).
 */
export function chooseAffiliate(
  order: OrderForCrediting,
  found: FoundCandidates,
  settings: AffiliateSettingsDTO,
  programs: Map<string | null, AffiliateProgramTermsDTO>
): Choice {
  const placedAt = new Date(order.created_at)
  const programOf = (c: Candidate) => programs.get(c.affiliate?.program_id ?? null)!
  const expired = found.candidates.filter(
    (c) => c.connection && isConnectionExpired(programOf(c), c.connection, placedAt)
  )
  const linkOutsideWindow = (c: Candidate) =>
    !!c.referred_at && isReferralWindowOver(programOf(c), c.referred_at, placedAt)
  const ordered = settings.attribution_order.flatMap((method) =>
    found.candidates.filter(
      (c) => c.method === method && !expired.includes(c) && !linkOutsideWindow(c)
    )
  )
  const winner = ordered.find((c) => c.affiliate?.status === "approved")
  const blocked = ordered.find((c) => c.affiliate?.status === "blocked")
  const affiliate = winner?.affiliate ?? null
  // The buyer is the affiliate: their mailbox (under a +tag or, at Gmail,
  // with other dots too), or their synced customer account.
  const isSelfReferral =
    !!affiliate &&
    ((!!order.email && isSameMailbox(order.email, affiliate.email)) ||
      (!!affiliate.customer_id && affiliate.customer_id === order.customer_id))
  // The buyer's own connection, unless it just expired: then a referrer may connect them.
  const buyerConnected = found.buyer_connected && !expired.some((c) => c.method === "connection")

  return {
    decision: {
      order_id: order.id,
      customer_id: order.customer_id,
      email: order.email,
      affiliate_id: winner?.affiliate_id ?? blocked?.affiliate_id ?? null,
      method: winner?.method ?? blocked?.method ?? null,
      outcome: winner
        ? isSelfReferral ? "self_referral" : "credited"
        : blocked ? "blocked_affiliate" : "no_affiliate",
      commission: null,
      // A customer who has an affiliate keeps them.
      connect_customer:
        !!winner &&
        !isSelfReferral &&
        settings.auto_connect &&
        winner.method !== "connection" &&
        !!order.customer_id &&
        !buyerConnected,
      connection_credit: null,
      expired_connection_ids: expired.map((c) => c.connection!.id),
      customer_email: found.buyer_email,
      has_refunds: (order.transactions ?? []).some((transaction) => transaction.reference === "refund"),
    },
    winner: winner && affiliate ? { ...winner, affiliate, program: programOf(winner) } : null,
    is_self_referral: isSelfReferral,
  }
}
