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

/**
 * Where an invited affiliate sets their password: the configured page, else
 * the storefront's `/reset-password`, with `token` and `email` added; null
 * when the plugin knows neither address (the template builds the link).
 */
export function setPasswordLink(
  { accountInviteUrl, storefrontUrl }: { accountInviteUrl?: string; storefrontUrl?: string },
  token: string,
  email: string
): string | null {
  const page =
    accountInviteUrl ?? (storefrontUrl && new URL("reset-password", withTrailingSlash(storefrontUrl)).toString())
  if (!page) {
    return null
  }
  const url = new URL(page)
  url.searchParams.set("token", token)
  url.searchParams.set("email", email)
  return url.toString()
}
