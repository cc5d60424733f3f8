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
  AdminCreateAffiliateBonus,
  AdminCreditOrder,
  AdminExportAffiliateCommissionsParams,
  AdminGetAffiliateCommissionParams,
  AdminGetAffiliateCommissionsParams,
  AdminReassignAffiliateCommission,
  AdminReconcileOrder,
  AdminUpdateAffiliateCommission,
} from "./validators"

/**
 * Commissions: list, export, batch updates, reconciliation, orders credited
 * by hand, bonuses and deductions, and one commission.
 */
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
    method: ["POST"],
    matcher: "/admin/affiliate-commissions/credit-order",
    middlewares: [
      validateAndTransformBody(AdminCreditOrder),
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionParams,
        retrieveAffiliateCommissionQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commissions/bonuses",
    middlewares: [
      validateAndTransformBody(AdminCreateAffiliateBonus),
      validateAndTransformAllowedQuery(
        AdminGetAffiliateCommissionParams,
        retrieveAffiliateCommissionQueryConfig
      ),
    ],
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
