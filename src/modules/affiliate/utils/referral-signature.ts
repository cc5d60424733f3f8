import { createHmac, timingSafeEqual } from "crypto"
import { normalizeCode } from "./normalize"

/**
 * A referral recorded on a cart by the store's own route: the code, when, and
 * an HMAC-SHA256 over both under a key only the server holds. Medusa lets a
 * shopper write any cart metadata (`POST /store/carts/:id`), so crediting
 * honours a code and its time only when the signature matches them.
 *
 * Copying a valid signature (with its code and time) onto another cart only
 * lets a shopper pick an affiliate they could pick through the route anyway,
 * and it cannot move the time: the time is signed along with the code.
 */
export type SignedReferral = {
  code: string
  /** ISO 8601, exactly as signed. */
  recorded_at: string
  signature: string
}

/** Kept apart from other uses of the store's secret (its session cookies). */
const KEY_PURPOSE = "medusa-plugin-affiliates/referral-signature/v1"

/** The signing key derived from the store's secret. */
export function deriveReferralKey(secret: string): Buffer {
  return createHmac("sha256", secret).update(KEY_PURPOSE).digest()
}

function mac(key: Buffer, code: string, recordedAt: string): Buffer {
  // A newline cannot occur in a normalized code, so the two parts never blur.
  return createHmac("sha256", key).update(`${normalizeCode(code)}\n${recordedAt}`).digest()
}

/** Signs a code (normalized first) and the time it was recorded. */
export function signReferral(key: Buffer, code: string, recordedAt: string): SignedReferral {
  return {
    code: normalizeCode(code),
    recorded_at: recordedAt,
    signature: mac(key, code, recordedAt).toString("base64url"),
  }
}

/**
 * The referral when `signature` was made by `signReferral` for exactly this
 * code and time; null for anything else (unsigned, altered, not text, not a date).
 */
export function verifyReferral(
  key: Buffer,
  values: { code: unknown; recorded_at: unknown; signature: unknown }
): { code: string; recorded_at: Date } | null {
  const { code, recorded_at: recordedAt, signature } = values
  if (typeof code !== "string" || typeof recordedAt !== "string" || typeof signature !== "string") {
    return null
  }
  const given = Buffer.from(signature, "base64url")
  const expected = mac(key, code, recordedAt)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null
  }
  const at = new Date(recordedAt)
  return Number.isNaN(at.getTime()) ? null : { code: normalizeCode(code), recorded_at: at }
}
