import type { PayoutDestination, PayoutMethod } from "../../hooks/api/affiliate-payouts"

export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, string> = {
  paypal: "PayPal",
  bank_transfer: "Bank transfer",
  other: "Other",
}

/** Where to send the money: the PayPal email or the affiliate's own instructions. */
export const formatPayoutDetails = (destination: Pick<PayoutDestination, "payout_details"> | null) =>
  destination?.payout_details?.paypal_email ?? destination?.payout_details?.instructions ?? null
