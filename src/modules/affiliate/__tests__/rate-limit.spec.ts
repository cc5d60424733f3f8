import { ClientRateLimiter, type RateLimitDecision } from "../utils/rate-limit"

const limits = { window_ms: 60_000, max_failures: 3, max_requests: 5, max_clients: 2 }

/** A request that ends as `failed` says. */
function request(limiter: ClientRateLimiter, client: string, now: number, failed: boolean): RateLimitDecision {
  const decision = limiter.take(client, now)
  if (decision.allowed && !failed) {
    decision.succeeded()
  }
  return decision
}

describe("ClientRateLimiter: requests per client address in fixed windows", () => {
  it("refuses a client after max_failures failed requests until the window ends", () => {
    const limiter = new ClientRateLimiter(limits)
    for (let i = 0; i < 3; i++) {
      expect(request(limiter, "a", 1000 + i, true).allowed).toBe(true)
    }
    // A request that would succeed is refused too, with the time left.
    expect(request(limiter, "a", 11_000, false)).toEqual({ allowed: false, retry_after_ms: 50_000 })
    expect(request(limiter, "b", 11_000, true).allowed).toBe(true)
    expect(request(limiter, "a", 61_000, false).allowed).toBe(true)
  })

  it("lets successful requests through up to max_requests", () => {
    const limiter = new ClientRateLimiter(limits)
    for (let i = 0; i < 5; i++) {
      expect(request(limiter, "a", 0, false).allowed).toBe(true)
    }
    expect(request(limiter, "a", 59_999, false)).toEqual({ allowed: false, retry_after_ms: 1 })
    expect(request(limiter, "a", 60_000, false).allowed).toBe(true)
  })

  it("counts requests still running as failures, so parallel guesses cannot pass the limit", () => {
    const limiter = new ClientRateLimiter(limits)
    const running = [0, 1, 2].map(() => limiter.take("a", 0))
    expect(running.every((decision) => decision.allowed)).toBe(true)
    expect(limiter.take("a", 0).allowed).toBe(false)
    // One of them succeeded: its place is free again.
    const [first] = running
    if (first.allowed) {
      first.succeeded()
    }
    expect(limiter.take("a", 0).allowed).toBe(true)
  })

  it("gives back nothing to a new window when a request of the old one ends late", () => {
    const limiter = new ClientRateLimiter(limits)
    const old = limiter.take("a", 0)
    for (let i = 0; i < 3; i++) {
      limiter.take("a", 60_000)
    }
    if (old.allowed) {
      old.succeeded()
    }
    expect(limiter.take("a", 60_001).allowed).toBe(false)
  })

  it("remembers at most max_clients, forgetting the oldest window first", () => {
    const limiter = new ClientRateLimiter(limits)
    for (let i = 0; i < 3; i++) {
      request(limiter, "a", 0, true)
    }
    request(limiter, "b", 1, true)
    request(limiter, "c", 2, true)
    expect(limiter.size).toBe(2)
    // "a" was forgotten: a fresh window.
    expect(request(limiter, "a", 3, true).allowed).toBe(true)
    expect(limiter.size).toBe(2)
  })
})
