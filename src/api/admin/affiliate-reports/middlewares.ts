import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetAffiliateLeaderboardParams, AdminGetAffiliateReportParams } from "./validators"

/** The program's figures over time. */
export const adminAffiliateReportRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateReportParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports/affiliates",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateLeaderboardParams, {})],
  },
]
