import { MedusaError } from "@medusajs/framework/utils"
import { type AffiliatePayoutProvider, payoutProviderKey } from "../payout-provider"

/** The payout provider registered under `id`: `manual`, or one of the `payoutProviders` option's. */
export function retrievePayoutProvider(
  container: Record<string, unknown>,
  payoutProviders: { id: string }[],
  id: string
): AffiliatePayoutProvider {
  const known = ["manual", ...payoutProviders.map((provider) => provider.id)]
  if (!known.includes(id)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown payout provider ${id}: the store has ${known.join(", ")}`
    )
  }
  return container[payoutProviderKey(id)] as AffiliatePayoutProvider
}
