import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { validateAndTransformAllowedQuery } from "../../utils/query-fields"
import {
  listAffiliateCommissionsQueryConfig,
  retrieveAffiliateCommissionQueryConfig,
} from "./query-config"
import {
  AdminBatchUpdateAffiliateCommissions,
  AdminExportAffiliateCommissionsParams,
  AdminGetAffiliateCommissionParams,
  AdminGetAffiliateCommissionsParams,
  AdminReassignAffiliateCommission,
  AdminReconcileOrder,
  AdminUpdateAffiliateCommission,
} from "./validators"

/** Commissions: list, export, batch updates, reconciliation and one commission. */
export const adminAffiliateCommissionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions",
    middlewares: [
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionsParams,
        listAffiliateCommissionsQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions/export",
    middlewares: [
      validateAndTransformQuery(AdminExportAffiliateCommissionsParams, {
        defaults: ["id"],
        isList: false,
      }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commissions/batch",
    middlewares: [
      validateAndTransformBody(AdminBatchUpdateAffiliateCommissions),
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionParams,
        retrieveAffiliateCommissionQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commissions/reconcile",
    middlewares: [validateAndTransformBody(AdminReconcileOrder)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions/:id",
    middlewares: [
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionParams,
        retrieveAffiliateCommissionQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commissions/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateAffiliateCommission),
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionParams,
        retrieveAffiliateCommissionQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commissions/:id/reassign",
    middlewares: [
      validateAndTransformBody(AdminReassignAffiliateCommission),
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionParams,
        retrieveAffiliateCommissionQueryConfig
      ),
    ],
  },
]
