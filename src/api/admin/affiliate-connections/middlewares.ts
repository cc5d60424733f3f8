import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminGetAffiliateParams } from "../affiliates/validators"
import { validateAndTransformAllowedQuery } from "../../utils/query-fields"
import {
  listAffiliateConnectionsQueryConfig,
  retrieveAffiliateConnectionQueryConfig,
} from "./query-config"
import {
  AdminCreateAffiliateConnection,
  AdminGetAffiliateConnectionsParams,
  AdminImportAffiliateConnections,
} from "./validators"

/** Customer-to-affiliate connections and their import. */
export const adminAffiliateConnectionRoutesMiddlewares: MiddlewareRoute[] = [
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
]
