import type {
  AffiliateCommissionStatus,
  AffiliateCommissionTargetStatus,
} from "../../hooks/api/affiliate-commissions"

/** The moves the ledger allows from each status (the server enforces the same). */
export const NEXT_STATUSES: Record<
  AffiliateCommissionStatus,
  AffiliateCommissionTargetStatus[]
> = {
  pending: ["approved", "rejected"],
  approved: ["paid", "rejected"],
  paid: [],
  rejected: [],
}

export const ACTION_LABELS: Record<AffiliateCommissionTargetStatus, string> = {
  approved: "Approve",
  paid: "Mark paid",
  rejected: "Reject",
}
