import type { MedusaContainer } from "@medusajs/framework/types"
import { signReferral } from "../../src/modules/affiliate/utils/referral-signature"
import {
  CART_REFERRAL_AT_METADATA_KEY,
  CART_REFERRAL_METADATA_KEY,
  CART_REFERRAL_SIGNATURE_METADATA_KEY,
} from "../../src/workflows/affiliate-commission/steps/decide-order-attribution"
import { referralSigningKey } from "../../src/workflows/utils/store-keys"

/**
 * Cart or order metadata carrying `code` as the cart route would have signed
 * it at `recordedAt` (with the app's secret): for tests that need a referral
 * recorded at another time, or on an order made in the admin.
 */
export function signedReferralMetadata(
  container: MedusaContainer,
  code: string,
  recordedAt: Date = new Date()
): Record<string, string> {
  const signed = signReferral(referralSigningKey(container), code, recordedAt.toISOString())
  return {
    [CART_REFERRAL_METADATA_KEY]: signed.code,
    [CART_REFERRAL_AT_METADATA_KEY]: signed.recorded_at,
    [CART_REFERRAL_SIGNATURE_METADATA_KEY]: signed.signature,
  }
}
