// Medusa serves the admin through Vite in development: the first page a
// browser opens waits while Vite transforms each of the admin's modules on
// request (about 36 s of blank page on these machines). Requesting the same
// modules once, before the URL is printed, leaves them transformed.
const MAX_MODULES = 5000
const PARALLEL = 8

/** The module URLs a module imports: Vite rewrites every import to a path of the server. */
function importsOf(source) {
  const found = new Set()
  const patterns = [
    /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\bexport\s*[\w*{}\s,$]+\s*from\s*["']([^"']+)["']/g,
    /<script[^>]+type="module"[^>]+src="([^"]+)"/g,
  ]
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      found.add(match[1])
    }
  }
  return [...found]
}

/**
 * Fetches the admin page and, breadth first, every module it imports on the
 * same server. Resolves with how many modules it fetched; never throws (a
 * cold admin is slow, not broken).
 */
async function warmAdmin(baseUrl, { path = "/app/" } = {}) {
  const origin = new URL(baseUrl).origin
  const seen = new Set()
  let queue = [new URL(path, origin).href]
  while (queue.length && seen.size < MAX_MODULES) {
    const batch = queue.filter((url) => !seen.has(url)).slice(0, PARALLEL)
    queue = queue.filter((url) => !batch.includes(url))
    batch.forEach((url) => seen.add(url))
    const sources = await Promise.all(
      batch.map((url) =>
        fetch(url)
          .then((response) => (response.ok ? response.text() : ""))
          .catch(() => "")
      )
    )
    sources.forEach((source, index) => {
      for (const specifier of importsOf(source)) {
        if (!specifier.startsWith("/") && !specifier.startsWith(".")) {
          continue
        }
        const next = new URL(specifier, batch[index])
        if (next.origin === origin && !seen.has(next.href)) {
          queue.push(next.href)
        }
      }
    })
  }
  return seen.size
}

module.exports = { warmAdmin }
