import type {
  AffiliatePayoutStatus,
  AffiliatePayoutTargetStatus,
} from "../../hooks/api/affiliate-payouts"

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
  canceled: "Cancel payout",
}
