const REASON_LABELS: Record<string, string> = {
  self_referral: "Self-referral: the buyer is the affiliate",
  order_canceled: "The order was canceled",
  reassigned: "Reassigned to another affiliate",
}

/** Why a commission was rejected, in words; an admin's own reason as written. */
export const formatRejectionReason = (reason: string | null) =>
  reason ? REASON_LABELS[reason] ?? reason : null

const ADJUSTMENT_REASON_LABELS: Record<string, string> = {
  refund: "refund",
  order_canceled: "order canceled after payout",
}

export const formatAdjustmentReason = (reason: string) =>
  ADJUSTMENT_REASON_LABELS[reason] ?? reason
