import { randomInt } from "crypto"

/** Referral codes: letters, digits, `-` and `_`, so they survive in a URL as is. */
export const AFFILIATE_CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/

// Emails have their own module; code that normalizes codes and emails together imports both from here.
export { normalizeEmail } from "./email"

/** Account-sync tags are a set of customer group names: order does not matter. */
export const haveSameTags = (a: string[], b: string[]): boolean =>
  [...a].sort().join("\n") === [...b].sort().join("\n")

export const normalizeCode = (code: string): string => code.trim().toUpperCase()

const SUFFIX_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** A readable code from the affiliate's name plus a random suffix: `JANE-K7Q4`. */
export function generateAffiliateCode(name: string): string {
  const stem =
    name
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "")
      .toUpperCase()
      .slice(0, 12) || "AFF"
  let suffix = ""
  for (let i = 0; i < 4; i++) {
    suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]
  }
  return `${stem}-${suffix}`
}
