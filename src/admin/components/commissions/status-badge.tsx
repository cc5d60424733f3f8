import { Badge, StatusBadge } from "@medusajs/ui"
import type {
  AffiliateCommission,
  AffiliateCommissionAttribution,
  AffiliateCommissionStatus,
} from "../../hooks/api/affiliate-commissions"

export const COMMISSION_STATUSES: AffiliateCommissionStatus[] = [
  "pending",
  "approved",
  "paid",
  "rejected",
]

export const COMMISSION_STATUS_LABELS: Record<AffiliateCommissionStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  paid: "Paid",
  rejected: "Rejected",
}

const STATUS_COLORS: Record<
  AffiliateCommissionStatus,
  "orange" | "blue" | "green" | "red"
> = {
  pending: "orange",
  approved: "blue",
  paid: "green",
  rejected: "red",
}

export const CommissionStatusBadge = ({
  status,
}: {
  status: AffiliateCommissionStatus
}) => (
  <StatusBadge color={STATUS_COLORS[status]} data-status={status}>
    {COMMISSION_STATUS_LABELS[status]}
  </StatusBadge>
)

export const ATTRIBUTIONS: AffiliateCommissionAttribution[] = [
  "connection",
  "coupon",
  "link",
  "manual",
]

/** Why the order credited the affiliate. */
export const ATTRIBUTION_LABELS: Record<AffiliateCommissionAttribution, string> = {
  connection: "Connected customer",
  coupon: "Coupon",
  link: "Referral link",
  manual: "By hand",
}

export const AttributionBadge = ({
  attribution,
}: {
  attribution: AffiliateCommissionAttribution
}) => (
  <Badge size="2xsmall" data-attribution={attribution}>
    {ATTRIBUTION_LABELS[attribution]}
  </Badge>
)

/** A pending commission the admin should look at before approving it. */
export const CommissionFlagBadge = ({
  flag,
}: {
  flag: AffiliateCommission["flag"]
}) =>
  flag === "self_referral" ? (
    <Badge size="2xsmall" color="orange" data-flag={flag}>
      Self-referral — review
    </Badge>
  ) : null
