import { createHash, randomBytes, timingSafeEqual } from "crypto"
import { normalizeEmail } from "./email"

/** An invite is an email someone may open days later, as long as the account invite. */
export const LOGIN_INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A new invite token: 32 random bytes, URL-safe (base64url, 43 characters). */
export function newLoginInviteToken(): string {
  return randomBytes(32).toString("base64url")
}

/**
 * What the affiliate row keeps of a token: its SHA-256 together with the
 * email it was sent to, so the token opens nothing once the affiliate's
 * email changes, and a database reader learns nothing that claims a login.
 */
export function loginInviteHash(email: string, token: string): string {
  return createHash("sha256").update(`${normalizeEmail(email)}\n${token}`).digest("hex")
}

/** Whether `token`, sent to `email`, is the one `storedHash` was made from, in constant time. */
export function matchesLoginInvite(storedHash: string, email: string, token: string): boolean {
  const expected = Buffer.from(storedHash, "hex")
  const given = Buffer.from(loginInviteHash(email, token), "hex")
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * A short digest naming one token in idempotency keys (each invite, each
 * reset request is its own message), not enough to recover or use it.
 */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 16)
}
