import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminCreateAffiliatePayoutBatch,
  AdminExportAffiliatePayoutBatchParams,
  AdminGetAffiliateBalancesParams,
  AdminGetAffiliatePayoutBatchesParams,
  AdminGetAffiliatePayoutsParams,
  AdminPayAffiliatePayout,
  AdminUpdateAffiliatePayout,
} from "./validators"

// The query config is unused (the routes pick their fields): validation only.
const query = { defaults: ["id"], isList: true }

/** Payouts, payout batches and balances. */
export const adminAffiliatePayoutRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformQuery(AdminGetAffiliatePayoutsParams, query)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformBody(AdminCreateAffiliatePayoutBatch)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliatePayout)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/pay",
    middlewares: [validateAndTransformBody(AdminPayAffiliatePayout)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payout-batches",
    middlewares: [validateAndTransformQuery(AdminGetAffiliatePayoutBatchesParams, query)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payout-batches/:id/export",
    middlewares: [
      validateAndTransformQuery(AdminExportAffiliatePayoutBatchParams, {
        defaults: ["id"],
        isList: false,
      }),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-balances",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateBalancesParams, query)],
  },
]
