/** How much one client may ask in a window. */
export type RateLimits = {
  window_ms: number
  /** Requests answered with an error per window: guesses of codes or carts. */
  max_failures: number
  /** Requests of any outcome per window. */
  max_requests: number
  /** Clients remembered at once; past it the oldest window is forgotten. */
  max_clients: number
}

type ClientWindow = { started_at: number; requests: number; failures: number }

export type RateLimitDecision =
  | {
      allowed: true
      /** Call when the request succeeded: it gives back the failure reserved for it. */
      succeeded: () => void
    }
  | { allowed: false; retry_after_ms: number }

/**
 * Counts each client's requests in fixed windows, in memory (per process).
 * Every allowed request reserves a failure up front and gives it back once it
 * succeeds, so requests racing in parallel cannot get past the failure limit.
 */
export class ClientRateLimiter {
  private readonly windows = new Map<string, ClientWindow>()

  constructor(private readonly limits: RateLimits) {}

  take(client: string, now: number): RateLimitDecision {
    const window = this.windowOf(client, now)
    if (
      window.requests >= this.limits.max_requests ||
      window.failures >= this.limits.max_failures
    ) {
      return { allowed: false, retry_after_ms: window.started_at + this.limits.window_ms - now }
    }
    window.requests++
    window.failures++
    return {
      allowed: true,
      // A window replaced since is a new object: giving back to the old one changes nothing.
      succeeded: () => {
        window.failures--
      },
    }
  }

  /** How many clients are remembered (bounded by max_clients). */
  get size(): number {
    return this.windows.size
  }

  private windowOf(client: string, now: number): ClientWindow {
    const current = this.windows.get(client)
    if (current && now - current.started_at < this.limits.window_ms) {
      return current
    }
    // Re-inserted, so the map stays ordered by window start: the first key is the oldest.
    this.windows.delete(client)
    const fresh = { started_at: now, requests: 0, failures: 0 }
    this.windows.set(client, fresh)
    while (this.windows.size > this.limits.max_clients) {
      this.windows.delete(this.windows.keys().next().value!)
    }
    return fresh
  }
}
