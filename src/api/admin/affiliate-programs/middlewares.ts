import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminCreateAffiliateCommissionRule,
  AdminCreateAffiliateProgram,
  AdminGetAffiliateProgramsParams,
  AdminMoveAffiliatesToProgram,
  AdminUpdateAffiliateCommissionRule,
  AdminUpdateAffiliateProgram,
} from "./validators"

// The query config is unused (the routes pick their fields): validation only.
const query = { defaults: ["id"], isList: true }

/** Programs, their commission rules and their affiliates. */
export const adminAffiliateProgramRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-programs",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateProgramsParams, query)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs",
    middlewares: [validateAndTransformBody(AdminCreateAffiliateProgram)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliateProgram)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs/:id/rules",
    middlewares: [validateAndTransformBody(AdminCreateAffiliateCommissionRule)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs/:id/rules/:rule_id",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliateCommissionRule)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-programs/:id/affiliates",
    middlewares: [validateAndTransformBody(AdminMoveAffiliatesToProgram)],
  },
]
