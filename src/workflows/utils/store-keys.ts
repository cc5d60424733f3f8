import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deriveReferralKey } from "../../modules/affiliate/utils/referral-signature"

/**
 * The key referrals on carts are signed with, derived from the store's
 * `projectConfig.http.cookieSecret`: the server's own secret, never sent or logged.
 */
export function referralSigningKey(container: MedusaContainer): Buffer {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = config.projectConfig.http.cookieSecret
  // Medusa fills in a default outside production and refuses to start without one in it.
  if (!secret) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "projectConfig.http.cookieSecret is not set: referral codes cannot be signed"
    )
  }
  return deriveReferralKey(secret)
}
