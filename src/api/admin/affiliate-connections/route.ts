import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { createAffiliateConnectionWorkflow } from "../../../workflows"
import { answerConflicts } from "../../utils/answer-conflicts"
import { listPage } from "../../utils/list-page"
import { listRowsPlan, readListRows } from "../../utils/list-rows"
import { searchCustomerIds } from "../../utils/search-customers"
import { connectionFields, refetchConnection, withConnectionTerms } from "./helpers"
import type {
  AdminCreateAffiliateConnectionType,
  AdminGetAffiliateConnectionsParamsType,
} from "./validators"

const ENDED_FILTER = {
  active: { ended_at: null },
  ended: { ended_at: { $ne: null } },
  all: {},
}

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateConnectionsParamsType>,
  res: MedusaResponse
) => {
  const { q, status, ...filters } =
    req.filterableFields as AdminGetAffiliateConnectionsParamsType
  const { skip, take } = req.queryConfig.pagination

  // `q` searches the customer (email, name), which lives in Medusa's customer module.
  const matchingCustomerIds = await searchCustomerIds(req.scope, q, filters.customer_id)
  if (matchingCustomerIds?.length === 0) {
    res.json({ affiliate_connections: [], count: 0, offset: skip ?? 0, limit: take ?? 0 })
    return
  }

  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const listFilters = {
    ...filters,
    ...ENDED_FILTER[status ?? "active"],
    ...(matchingCustomerIds ? { customer_id: matchingCustomerIds } : {}),
  }
  const fields = connectionFields(req.queryConfig.fields)
  // The admin's fields are read in plain SQL; others (another relation's) through query.graph.
  const plan = listRowsPlan("affiliate_connection", fields)
  const { rows, count } = await listPage<{
    id: string
    affiliate_id: string
    created_at: string
    ended_at: string | null
    credited_orders: number
  }>(req.scope, {
    entity: "affiliate_connection",
    fields,
    filters: listFilters,
    pagination: req.queryConfig.pagination,
    count: async () =>
      (await service.listAndCountAffiliateConnections(listFilters, { select: ["id"], take: 1 }))[1],
    ids: async (config) =>
      (await service.listAffiliateConnections(listFilters, { select: ["id"], ...config })).map(
        ({ id }) => id
      ),
    rowsByIds: plan ? (ids) => readListRows(req.scope, ids, plan) : undefined,
  })
  const affiliate_connections = await withConnectionTerms(req.scope, rows)

  res.json({ affiliate_connections, count, offset: skip ?? 0, limit: take ?? 0 })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateConnectionType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    createAffiliateConnectionWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        source: "admin",
        created_by: req.auth_context.actor_id,
      },
    })
  )
  if (!run) {
    return
  }

  const affiliate_connection = await refetchConnection(
    run.result.id,
    req.scope,
    req.queryConfig.fields
  )
  res.status(200).json({ affiliate_connection })
}
