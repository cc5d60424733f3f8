/** How an affiliate is paid: a PayPal email ({ paypal_email }) or free text ({ instructions }). */
export const PAYOUT_METHODS = ["paypal", "bank_transfer", "other"] as const
export type PayoutMethod = (typeof PAYOUT_METHODS)[number]
