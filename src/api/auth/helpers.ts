import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { findPasswordSetAt } from "../../workflows/utils/store-accounts"

const affiliateTokenSchema = z.object({
  actor_type: z.literal("affiliate"),
  auth_identity_id: z.string().min(1),
  /** When the token was issued, in whole seconds. */
  iat: z.number(),
})

/**
 * Refuses to refresh an affiliate token issued before the login's password
 * was last set. Medusa's refresh (`POST /auth/token/refresh`) renews any
 * unexpired token without a password and fills in the actor it finds: a
 * stranger who registered an affiliate's email first, then lost the login
 * to its owner's password reset, could otherwise keep renewing their token
 * and hold the affiliate once the owner claims it. Compared in whole seconds,
 * as tokens carry them: a token from the same second still refreshes.
 */
export async function refuseStaleAffiliateRefresh(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const token = affiliateTokenSchema.safeParse("auth_context" in req ? req.auth_context : undefined)
  if (token.success) {
    const passwordSetAt = await findPasswordSetAt(req.scope, token.data.auth_identity_id)
    if (passwordSetAt && token.data.iat < Math.floor(passwordSetAt.getTime() / 1000)) {
      throw new MedusaError(
        MedusaError.Types.UNAUTHORIZED,
        "The password of this login changed after this token was issued: log in again"
      )
    }
  }
  next()
}
