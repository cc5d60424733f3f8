import type {
  AffiliatePayoutProvider,
  PayoutProviderResult,
  PayoutToPay,
} from "../payout-provider"

/**
 * The store pays by hand (a bank transfer, the PayPal CSV): sending a payout
 * only records that it is being paid, with the payout's id as reference.
 */
export class ManualPayoutProvider implements AffiliatePayoutProvider {
  static identifier = "manual"

  async pay(payout: PayoutToPay): Promise<PayoutProviderResult> {
    return { reference: payout.id }
  }
}
