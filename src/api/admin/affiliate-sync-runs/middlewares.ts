import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetAffiliateSyncRunsParams } from "./validators"

/** The runs of the affiliate account sync. */
export const adminAffiliateSyncRunRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-sync-runs",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateSyncRunsParams, {})],
  },
]
