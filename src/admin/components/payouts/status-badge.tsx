import { StatusBadge } from "@medusajs/ui"
import type { AffiliatePayoutStatus } from "../../hooks/api/affiliate-payouts"

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
