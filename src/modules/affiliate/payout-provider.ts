import type { PayoutMethod } from "./models/affiliate"

/** What a payment provider is asked to pay. */
export type PayoutToPay = {
  /** The payout's id: use it as the idempotency key, so a retried call pays once. */
  id: string
  currency_code: string
  /** Major units, exact to the currency's precision. */
  amount: number
  affiliate: {
    id: string
    name: string
    email: string
    payout_method: PayoutMethod | null
    payout_details: Record<string, unknown> | null
  }
}

export type PayoutProviderResult = {
  /** The provider's id for the transfer (a PayPal payout batch id, a Stripe transfer id). */
  reference: string
}

/**
 * Pays affiliates automatically: PayPal Payouts, Stripe Connect, a bank API.
 * A provider is a class with a static `identifier`, shipped as a Medusa
 * module provider (`ModuleProvider(AFFILIATE_MODULE, { services: [...] })`)
 * and listed in the plugin's `payoutProviders` option. `pay` throws when the
 * provider refuses; the payout then stays a draft.
 */
export interface AffiliatePayoutProvider {
  pay(payout: PayoutToPay): Promise<PayoutProviderResult>
}

/** The container key a provider is registered under. */
export const payoutProviderKey = (id: string) => `affiliate_payout_provider_${id}`
