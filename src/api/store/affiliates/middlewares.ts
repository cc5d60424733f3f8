import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { rateLimitPerClient } from "../../utils/rate-limit"
import { refuseBlockedAffiliateWrites } from "./helpers"
import {
  StoreClaimAffiliate,
  StoreCreateAffiliate,
  StoreGetAffiliateListParams,
  StoreGetAffiliateReportParams,
  StoreUpdateAffiliate,
} from "./validators"

/**
 * Sign-up and the affiliate's own account. Under `/me`, authentication runs
 * first, then the refusal of a blocked affiliate's writes, then validation.
 */
export const storeAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/affiliates",
    middlewares: [
      // Sign-up comes with a login that is no affiliate yet: a fresh
      // affiliate registration, or a logged-in store customer's.
      authenticate(["affiliate", "customer"], ["bearer", "session"], {
        allowUnregistered: true,
      }),
      validateAndTransformBody(StoreCreateAffiliate),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/claim",
    middlewares: [
      // Limited first, so wrong tokens count before anything is read.
      rateLimitPerClient(),
      // Like sign-up: a login that is no affiliate yet, registered as an
      // affiliate or a store customer's.
      authenticate(["affiliate", "customer"], ["bearer", "session"], {
        allowUnregistered: true,
      }),
      validateAndTransformBody(StoreClaimAffiliate),
    ],
  },
  {
    method: ["GET", "POST", "DELETE"],
    matcher: "/store/affiliates/me*",
    middlewares: [authenticate("affiliate", ["bearer", "session"])],
  },
  {
    method: ["POST", "DELETE"],
    matcher: "/store/affiliates/me*",
    middlewares: [refuseBlockedAffiliateWrites],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me",
    middlewares: [validateAndTransformBody(StoreUpdateAffiliate)],
  },
  ...["payouts", "customers", "commissions"].map(
    (list): MiddlewareRoute => ({
      method: ["GET"],
      matcher: `/store/affiliates/me/${list}`,
      middlewares: [
        validateAndTransformQuery(StoreGetAffiliateListParams, {
          defaults: ["id"],
          isList: true,
        }),
      ],
    })
  ),
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/reports",
    middlewares: [validateAndTransformQuery(StoreGetAffiliateReportParams, {})],
  },
]
