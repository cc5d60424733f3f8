import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetAffiliateReportParams } from "./validators"

/** The program's figures over time. */
export const adminAffiliateReportRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateReportParams, {})],
  },
]
