import type { PayoutDestination, PayoutMethod } from "../../hooks/api/affiliate-payouts"

/** `payout_method_updated_by` when the affiliate set it themselves (else an admin user's id). */
export const PAYOUT_METHOD_SET_BY_AFFILIATE = "affiliate"

export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, string> = {
  paypal: "PayPal",
  bank_transfer: "Bank transfer",
  other: "Other",
}

/** Where to send the money: the PayPal email or the affiliate's own instructions. */
export const formatPayoutDetails = (destination: Pick<PayoutDestination, "payout_details"> | null) =>
  destination?.payout_details?.paypal_email ?? destination?.payout_details?.instructions ?? null
