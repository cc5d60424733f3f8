import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { rateLimitPerClient } from "../../utils/rate-limit"
import { StoreSetCartAffiliate } from "./validators"

/** The referral code a shopper sets on their cart. */
export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/affiliate",
    // Limited before validation, so malformed guesses count too.
    middlewares: [rateLimitPerClient(), validateAndTransformBody(StoreSetCartAffiliate)],
  },
]
