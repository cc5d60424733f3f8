import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { validateAndTransformAllowedQuery } from "../../utils/query-fields"
import { listAffiliatesQueryConfig, retrieveAffiliateQueryConfig } from "./query-config"
import {
  AdminAssignAffiliatePromotions,
  AdminCreateAffiliate,
  AdminGetAffiliateCustomersParams,
  AdminGetAffiliateParams,
  AdminGetAffiliatesParams,
  AdminSetAffiliatePayoutMethod,
  AdminUpdateAffiliate,
} from "./validators"

/** Affiliates, their customers and their promotions. */
export const adminAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliates",
    middlewares: [
      validateAndTransformAllowedQuery(AdminGetAffiliatesParams, listAffiliatesQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates",
    middlewares: [
      validateAndTransformBody(AdminCreateAffiliate),
      validateAndTransformAllowedQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateAndTransformAllowedQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateAffiliate),
      validateAndTransformAllowedQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/customers",
    middlewares: [
      validateAndTransformQuery(AdminGetAffiliateCustomersParams, {
        defaults: ["id"],
        isList: true,
      }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/payout-method",
    middlewares: [validateAndTransformBody(AdminSetAffiliatePayoutMethod)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/promotions",
    middlewares: [validateAndTransformBody(AdminAssignAffiliatePromotions)],
  },
]
