import { StatusBadge } from "@medusajs/ui"
import type { AffiliateStatus } from "../../hooks/api/affiliates"

export const AFFILIATE_STATUSES: AffiliateStatus[] = [
  "pending",
  "approved",
  "blocked",
]

export const AFFILIATE_STATUS_LABELS: Record<AffiliateStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  blocked: "Blocked",
}

const STATUS_COLORS: Record<AffiliateStatus, "orange" | "green" | "red"> = {
  pending: "orange",
  approved: "green",
  blocked: "red",
}

export const AffiliateStatusBadge = ({ status }: { status: AffiliateStatus }) => (
  <StatusBadge color={STATUS_COLORS[status]} data-status={status}>
    {AFFILIATE_STATUS_LABELS[status]}
  </StatusBadge>
)
