import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { refuseStaleAffiliateRefresh } from "./helpers"

/** Medusa's own auth routes, where affiliates' logins need more than Medusa checks. */
export const authRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/auth/token/refresh",
    middlewares: [
      // Reads an affiliate's token whether or not Medusa's own check ran
      // first; any other caller passes on to it untouched.
      authenticate("affiliate", ["session", "bearer"], {
        allowUnregistered: true,
        allowUnauthenticated: true,
      }),
      refuseStaleAffiliateRefresh,
    ],
  },
]
