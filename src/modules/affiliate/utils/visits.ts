import { createHmac } from "crypto"

/** Kept apart from other uses of the store's secret (sessions, referral signatures). */
const KEY_PURPOSE = "medusa-plugin-affiliates/visitor-key/v1"

/** Clicks of one visitor for one affiliate within this long are one unique visitor. */
export const UNIQUE_VISITOR_HOURS = 24

export const LANDING_URL_MAX_LENGTH = 2048
export const SUB_ID_MAX_LENGTH = 100
const HOST_MAX_LENGTH = 253

/** The key visitor keys are made with, derived from the store's secret. */
export function deriveVisitorKeySecret(secret: string): Buffer {
  return createHmac("sha256", secret).update(KEY_PURPOSE).digest()
}

/**
 * Who clicked, without storing who: an HMAC of the client's address and
 * User-Agent. Without the store's secret it cannot be turned back into an
 * address, nor matched against another store's visits.
 */
export function visitorKey(key: Buffer, clientAddress: string, userAgent: string): string {
  return createHmac("sha256", key).update(`${clientAddress}\n${userAgent}`).digest("base64url")
}

// Any scheme and host, so that only path and query are kept of what is sent.
const BASE = "http://storefront.invalid"

/**
 * The path and query of the page a link led to (a web address is cut to
 * them, a fragment dropped), or null when there is none or it is no web page.
 */
export function landingPath(value: string | undefined): string | null {
  if (!value) {
    return null
  }
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return null
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return null
  }
  return `${url.pathname}${url.search}`.slice(0, LANDING_URL_MAX_LENGTH)
}

/** Only the host of the page a visitor came from (lower case), or null. */
export function referrerHost(value: string | undefined): string | null {
  if (!value) {
    return null
  }
  try {
    const { protocol, hostname } = new URL(value)
    if ((protocol !== "http:" && protocol !== "https:") || !hostname) {
      return null
    }
    return hostname.toLowerCase().slice(0, HOST_MAX_LENGTH)
  } catch {
    return null
  }
}
