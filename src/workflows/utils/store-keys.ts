import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deriveReferralKey } from "../../modules/affiliate/utils/referral-signature"
import { deriveVisitorKeySecret, visitorKey } from "../../modules/affiliate/utils/visits"

/**
 * The store's `projectConfig.http.cookieSecret`: the server's own secret,
 * never sent or logged, from which each use derives a key of its own.
 */
function storeSecret(container: MedusaContainer, use: string): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = config.projectConfig.http.cookieSecret
  // Medusa fills in a default outside production and refuses to start without one in it.
  if (!secret) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `projectConfig.http.cookieSecret is not set: ${use}`
    )
  }
  return secret
}

/** The key referrals on carts are signed with. */
export function referralSigningKey(container: MedusaContainer): Buffer {
  return deriveReferralKey(storeSecret(container, "referral codes cannot be signed"))
}

/**
 * The visitor key of a click: computed where the request is read, so the
 * client's address is never stored or passed on.
 */
export function visitorKeyOf(container: MedusaContainer, clientAddress: string, userAgent: string): string {
  const secret = storeSecret(container, "visits cannot be recorded")
  return visitorKey(deriveVisitorKeySecret(secret), clientAddress, userAgent)
}
