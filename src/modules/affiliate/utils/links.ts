/** A base URL whose last path segment is kept when a relative path is resolved against it. */
function withTrailingSlash(url: string) {
  return url.endsWith("/") ? url : `${url}/`
}

/**
 * The link an affiliate shares: the storefront with `?ref=CODE`, or null
 * when the plugin was not told the storefront's address.
 */
export function referralLink(storefrontUrl: string | undefined, code: string): string | null {
  if (!storefrontUrl) {
    return null
  }
  const url = new URL(storefrontUrl)
  url.searchParams.set("ref", code)
  return url.toString()
}

/** The storefront pages the plugin's emails link to with a token: option, and path under `storefrontUrl`. */
const TOKEN_PAGES = {
  // Account sync's invite: the customer login's set-password page.
  set_password: { option: "accountInviteUrl", path: "reset-password" },
  claim_login: { option: "loginInviteUrl", path: "affiliate/claim" },
  reset_password: { option: "passwordResetUrl", path: "affiliate/reset-password" },
} as const

export type TokenPage = keyof typeof TOKEN_PAGES

export type TokenPageUrls = {
  storefrontUrl?: string
  notifications: Partial<Record<(typeof TOKEN_PAGES)[TokenPage]["option"], string>>
}

/**
 * A page that takes a token from an email (set a password, claim a login):
 * the configured page, else the storefront's path for it, with `token` and
 * `email` added; null when the plugin knows neither address (the template
 * builds the link).
 */
export function tokenLink(
  page: TokenPage,
  { storefrontUrl, notifications }: TokenPageUrls,
  token: string,
  email: string
): string | null {
  const { option, path } = TOKEN_PAGES[page]
  const base =
    notifications[option] ?? (storefrontUrl && new URL(path, withTrailingSlash(storefrontUrl)).toString())
  if (!base) {
    return null
  }
  const url = new URL(base)
  url.searchParams.set("token", token)
  url.searchParams.set("email", email)
  return url.toString()
}

// Control characters (a tab or newline is dropped by URL parsers, so
// "/\t/evil.example" would become "//evil.example") and backslashes (read as
// "/" in web addresses, so "/\evil.example" is another host).
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/

/**
 * Where a short link sends its visitor: the storefront page `to` names, a
 * path on the storefront's own origin, with `ref=CODE` and the visit's id
 * added. Anything else in `to` (an absolute address, `//host`, `/\host`,
 * `javascript:`) leads to the storefront's root: never another site. Without
 * a referral (an unknown code), the root with nothing added.
 */
export function shortLinkTarget(
  storefrontUrl: string,
  to: string | undefined,
  referral: { code: string; visit_id: string | null } | null
): string {
  const root = new URL(storefrontUrl)
  if (!referral) {
    return root.toString()
  }
  let target = root
  if (to && to.startsWith("/") && !to.startsWith("//") && !UNSAFE_IN_PATH.test(to)) {
    const page = new URL(to, root.origin)
    if (page.origin === root.origin) {
      target = page
    }
  }
  target.searchParams.set("ref", referral.code)
  if (referral.visit_id) {
    target.searchParams.set("visit_id", referral.visit_id)
  }
  return target.toString()
}
