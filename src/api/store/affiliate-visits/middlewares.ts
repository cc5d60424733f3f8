import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { rateLimitPerClient } from "../../utils/rate-limit"
import { StoreCreateAffiliateVisit } from "./validators"

/** A click on an affiliate's link, as the storefront reports it. */
export const storeAffiliateVisitRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/affiliate-visits",
    // Limited before validation, like the other routes that take a code: guessing codes costs the guesser.
    middlewares: [rateLimitPerClient(), validateAndTransformBody(StoreCreateAffiliateVisit)],
  },
]
