/**
 * Email addresses: one check and one normalized form for every address the
 * plugin accepts, so that code and SQL compare the same strings.
 */

/** The longest address SMTP allows (RFC 5321), and its part before `@`. */
export const EMAIL_MAX_LENGTH = 254
export const EMAIL_LOCAL_PART_MAX_LENGTH = 64

/**
 * The one form the plugin stores and compares: Unicode NFKC (fullwidth and
 * other compatibility letters become their plain ones), then lower case.
 * Its SQL twin gives an accepted (ASCII) address exactly when this does (see
 * `normalizedEmailSql` in workflows/utils/store-accounts.ts).
 */
export const normalizeEmail = (email: string): string =>
  email.normalize("NFKC").toLowerCase()

// Letters, digits and _ ' + - in dot-separated atoms: the part of RFC 5322's
// dot-atom that Medusa's own customer routes accept too, so that account sync
// never makes a customer Medusa would refuse.
const LOCAL_PART = /^[a-z0-9_'+-]+(?:\.[a-z0-9_'+-]+)*$/
// Host names of letters, digits and inner hyphens, at least one dot, and a
// top-level domain of letters.
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
// What marks a display name, a list or a quoted local part.
const NOT_A_BARE_ADDRESS = /[\s"<>,;:()[\]\\]/

const hasControlCharacter = (value: string): boolean =>
  [...value].some((character) => {
    const code = character.codePointAt(0)!
    return code < 0x20 || (code >= 0x7f && code <= 0x9f)
  })

/** Why `email` (normalized, trimmed) is not an address the plugin accepts, if it is not. */
function emailProblem(email: string): string | undefined {
  if (email.length > EMAIL_MAX_LENGTH) {
    return `it is longer than ${EMAIL_MAX_LENGTH} characters`
  }
  // After NFKC, what is left outside ASCII are other scripts' letters, some
  // of them look-alikes of Latin ones (Cyrillic а, Greek ο), and letters
  // whose lower case differs between JavaScript and PostgreSQL (İ).
  if (!PRINTABLE_ASCII.test(email)) {
    return "it has characters outside ASCII (letters of other scripts can look like Latin ones)"
  }
  if (NOT_A_BARE_ADDRESS.test(email)) {
    return "it must be one bare address such as name@example.com, without spaces, quotes, angle brackets, commas or a name"
  }
  const parts = email.split("@")
  if (parts.length !== 2) {
    return "it must have exactly one @, as in name@example.com"
  }
  const [local, domain] = parts
  if (!local.length || local.length > EMAIL_LOCAL_PART_MAX_LENGTH) {
    return `the part before @ must have 1 to ${EMAIL_LOCAL_PART_MAX_LENGTH} characters`
  }
  if (!LOCAL_PART.test(local) || local.endsWith("'")) {
    return "the part before @ may have letters, digits and . _ + - ' (a dot neither first, last nor twice in a row)"
  }
  if (!DOMAIN.test(domain)) {
    return "the part after @ must be a domain name such as example.com"
  }
  return undefined
}

export type EmailCheck = { valid: true; email: string } | { valid: false; problem: string }

/**
 * Checks an address as given (surrounding spaces are dropped) and returns its
 * normalized form, or why it is not accepted: one plain `local@domain.tld`,
 * nothing else (no name, list, line break, quotes, non-ASCII letters).
 */
export function checkEmail(given: string): EmailCheck {
  // Checked before trimming, which would hide a line break at either end.
  if (hasControlCharacter(given)) {
    return { valid: false, problem: "it has a line break or another control character" }
  }
  const email = normalizeEmail(given).trim()
  const problem = emailProblem(email)
  return problem ? { valid: false, problem } : { valid: true, email }
}

const SHOWN_MAX_LENGTH = 80

/** The error for a refused address: the field, the address as given (quoted, escaped, shortened) and why. */
export function invalidEmailMessage(field: string, given: string, problem: string): string {
  const shown = given.length > SHOWN_MAX_LENGTH ? `${given.slice(0, SHOWN_MAX_LENGTH)}…` : given
  return `${field}: ${JSON.stringify(shown)} is not a valid email address: ${problem}`
}

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"])

/**
 * The mailbox an address delivers to, as far as the address shows it: the
 * part before `@` without a `+tag`, and for Gmail also without dots
 * (`Jane.Doe+shop@googlemail.com` → `janedoe@gmail.com`). Two addresses with
 * one key reach one person.
 */
export function mailboxKey(email: string): string {
  const normalized = normalizeEmail(email).trim()
  const at = normalized.lastIndexOf("@")
  if (at < 0) {
    return normalized
  }
  const domain = normalized.slice(at + 1)
  const local = normalized.slice(0, at)
  // "+tag@x.com" has no name before its tag: it stays as it is.
  const untagged = local.split("+")[0] || local
  return GMAIL_DOMAINS.has(domain)
    ? `${untagged.replace(/\./g, "")}@gmail.com`
    : `${untagged}@${domain}`
}

export const isSameMailbox = (a: string, b: string): boolean => mailboxKey(a) === mailboxKey(b)
