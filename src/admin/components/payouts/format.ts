import type {
  AffiliatePayoutStatus,
  AffiliatePayoutTargetStatus,
  PayoutDestination,
  PayoutMethod,
} from "../../hooks/api/affiliate-payouts"

export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, string> = {
  paypal: "PayPal",
  bank_transfer: "Bank transfer",
  other: "Other",
}

/** Where to send the money: the PayPal email or the affiliate's own instructions. */
export const formatPayoutDetails = (destination: Pick<PayoutDestination, "payout_details"> | null) =>
  destination?.payout_details?.paypal_email ?? destination?.payout_details?.instructions ?? null

/** Where an admin can move a payout from each status (the API refuses the rest). */
export const NEXT_PAYOUT_STATUSES: Record<AffiliatePayoutStatus, AffiliatePayoutTargetStatus[]> = {
  draft: ["processing", "paid", "canceled"],
  processing: ["paid", "failed"],
  paid: [],
  failed: [],
  canceled: [],
}

export const PAYOUT_ACTION_LABELS: Record<AffiliatePayoutTargetStatus, string> = {
  processing: "Mark processing",
  paid: "Mark paid",
  failed: "Mark failed",
  canceled: "Cancel",
}
