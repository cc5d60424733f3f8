import { StatusBadge } from "@medusajs/ui"
import type {
  AffiliatePayoutBatch,
  AffiliatePayoutBatchStatus,
  AffiliatePayoutStatus,
} from "../../hooks/api/affiliate-payouts"

const STATUS_LABELS: Record<AffiliatePayoutStatus, string> = {
  draft: "Draft",
  processing: "Processing",
  paid: "Paid",
  failed: "Failed",
  canceled: "Canceled",
}

const STATUS_COLORS: Record<AffiliatePayoutStatus, "grey" | "orange" | "green" | "red"> = {
  draft: "grey",
  processing: "orange",
  paid: "green",
  failed: "red",
  canceled: "grey",
}

export const PayoutStatusBadge = ({ status }: { status: AffiliatePayoutStatus }) => (
  <StatusBadge color={STATUS_COLORS[status]} data-status={status}>
    {STATUS_LABELS[status]}
  </StatusBadge>
)

const BATCH_STATUS_LABELS: Record<AffiliatePayoutBatchStatus, string> = {
  open: "To pay",
  partially_paid: "Partly paid",
  paid: "Paid",
  canceled: "Canceled",
}

const BATCH_STATUS_COLORS: Record<AffiliatePayoutBatchStatus, "grey" | "orange" | "green"> = {
  open: "orange",
  partially_paid: "orange",
  paid: "green",
  canceled: "grey",
}

/** Where a batch stands, with its progress: "Partly paid · 1 of 3". */
export const PayoutBatchStatusBadge = ({ batch }: { batch: AffiliatePayoutBatch }) => (
  <StatusBadge color={BATCH_STATUS_COLORS[batch.status]} data-status={batch.status}>
    {BATCH_STATUS_LABELS[batch.status]}
    {batch.status === "partially_paid" || batch.status === "open"
      ? ` · ${batch.paid_count} of ${batch.active_count} paid`
      : ""}
  </StatusBadge>
)
