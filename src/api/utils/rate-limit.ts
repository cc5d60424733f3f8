import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"
import { ClientRateLimiter } from "../../modules/affiliate/utils/rate-limit"

/**
 * Limits each client address on a route (see the `rateLimit` option): a
 * request past the limit gets a 429 before it is validated or read, and
 * nothing is written. Each route gets its own counts; they are kept in this
 * process's memory.
 *
 * The address is Express's `req.ip`: Medusa trusts one proxy in front of it
 * (`trust proxy` 1), so behind a proxy it is the address that proxy saw.
 */
const REFUSED = "affiliateRateLimitRefused"

/**
 * Counts a request as a failed guess though it is answered without an error
 * (a short link with an unknown code still redirects to the storefront).
 */
export function countAsFailure(res: MedusaResponse) {
  res.locals[REFUSED] = true
}

export function rateLimitPerClient() {
  let limiter: Promise<ClientRateLimiter> | undefined
  const limiterOf = (req: MedusaRequest) =>
    (limiter ??= (async () => {
      const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
      const limits = (await service.retrieveOptions()).rateLimit
      return new ClientRateLimiter({
        window_ms: limits.windowSeconds * 1000,
        max_failures: limits.maxFailedAttempts,
        max_requests: limits.maxRequests,
        max_clients: limits.maxClients,
      })
    })())

  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const decision = (await limiterOf(req)).take(req.ip ?? "unknown", Date.now())
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retry_after_ms / 1000))
      res.setHeader("Retry-After", String(seconds))
      res.status(429).json({
        type: "not_allowed",
        message: `Too many requests from this address: try again in ${seconds} seconds`,
      })
      return
    }
    res.once("finish", () => {
      if (res.statusCode < 400 && !res.locals[REFUSED]) {
        decision.succeeded()
      }
    })
    next()
  }
}
