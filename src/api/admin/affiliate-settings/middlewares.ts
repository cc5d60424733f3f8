import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateAffiliateSettings } from "./validators"

/** The store's affiliate settings. */
export const adminAffiliateSettingsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/affiliate-settings",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliateSettings)],
  },
]
