import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listAffiliatesQueryConfig,
  retrieveAffiliateQueryConfig,
} from "./admin/affiliates/query-config"
import {
  AdminCreateAffiliateConnection,
  AdminGetAffiliateConnectionsParams,
  AdminImportAffiliateConnections,
} from "./admin/affiliate-connections/validators"
import {
  listAffiliateConnectionsQueryConfig,
  retrieveAffiliateConnectionQueryConfig,
} from "./admin/affiliate-connections/query-config"
import {
  AdminAssignAffiliatePromotions,
  AdminCreateAffiliate,
  AdminGetAffiliateCustomersParams,
  AdminGetAffiliateParams,
  AdminGetAffiliatesParams,
  AdminUpdateAffiliate,
} from "./admin/affiliates/validators"
import { AdminUpdateAffiliateSettings } from "./admin/affiliate-settings/validators"
import { AdminGetAffiliateSyncRunsParams } from "./admin/affiliate-sync-runs/validators"
import {
  AdminBatchUpdateAffiliateCommissions,
  AdminExportAffiliateCommissionsParams,
  AdminGetAffiliateCommissionParams,
  AdminGetAffiliateCommissionsParams,
  AdminReassignAffiliateCommission,
  AdminReconcileOrder,
  AdminUpdateAffiliateCommission,
} from "./admin/affiliate-commissions/validators"
import {
  listAffiliateCommissionsQueryConfig,
  retrieveAffiliateCommissionQueryConfig,
} from "./admin/affiliate-commissions/query-config"
import { adminAffiliatePayoutRoutesMiddlewares } from "./admin/affiliate-payouts/middlewares"
import { adminAffiliateProgramRoutesMiddlewares } from "./admin/affiliate-programs/middlewares"
import { StoreSetCartAffiliate } from "./store/carts/validators"
import { validateAndTransformAllowedQuery } from "./utils/query-fields"
import { rateLimitPerClient } from "./utils/rate-limit"
import { refuseBlockedAffiliateWrites } from "./store/affiliates/helpers"
import {
  StoreCreateAffiliate,
  StoreGetAffiliateListParams,
  StoreUpdateAffiliate,
} from "./store/affiliates/validators"

export default defineMiddlewares({
  routes: [
    ...adminAffiliatePayoutRoutesMiddlewares,
    ...adminAffiliateProgramRoutesMiddlewares,
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
      matcher: "/admin/affiliates/:id/promotions",
      middlewares: [validateAndTransformBody(AdminAssignAffiliatePromotions)],
    },
    {
      method: ["GET"],
      matcher: "/admin/affiliate-connections",
      middlewares: [
        validateAndTransformAllowedQuery(
          AdminGetAffiliateConnectionsParams,
          listAffiliateConnectionsQueryConfig
        ),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/affiliate-connections",
      middlewares: [
        validateAndTransformBody(AdminCreateAffiliateConnection),
        validateAndTransformAllowedQuery(
          AdminGetAffiliateParams,
          retrieveAffiliateConnectionQueryConfig
        ),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/affiliate-connections/:id",
      middlewares: [
        validateAndTransformAllowedQuery(
          AdminGetAffiliateParams,
          retrieveAffiliateConnectionQueryConfig
        ),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/affiliate-connections/import",
      // An import file of 10,000 rows is about 1 MB of JSON.
      bodyParser: { sizeLimit: "2mb" },
      middlewares: [validateAndTransformBody(AdminImportAffiliateConnections)],
    },
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
    {
      method: ["POST"],
      matcher: "/admin/affiliate-settings",
      middlewares: [validateAndTransformBody(AdminUpdateAffiliateSettings)],
    },
    {
      method: ["GET"],
      matcher: "/admin/affiliate-sync-runs",
      middlewares: [validateAndTransformQuery(AdminGetAffiliateSyncRunsParams, {})],
    },
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
    {
      method: ["GET"],
      matcher: "/store/affiliates/me/*",
      middlewares: [
        validateAndTransformQuery(StoreGetAffiliateListParams, {
          defaults: ["id"],
          isList: true,
        }),
      ],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/affiliate",
      // Limited before validation, so malformed guesses count too.
      middlewares: [rateLimitPerClient(), validateAndTransformBody(StoreSetCartAffiliate)],
    },
  ],
})
