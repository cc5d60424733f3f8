import type { MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimitPerClient } from "../utils/rate-limit"

/** Short links: limited like the other routes that take a code, unknown codes counting as failed guesses. */
export const shortLinkRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/r/:code",
    middlewares: [rateLimitPerClient()],
  },
]
