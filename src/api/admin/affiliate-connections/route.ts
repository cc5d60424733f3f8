import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAffiliateConnectionWorkflow } from "../../../workflows"
import { answerConflicts } from "../../utils/answer-conflicts"
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
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status, ...filters } =
    req.filterableFields as AdminGetAffiliateConnectionsParamsType

  // `q` searches the customer (email, name), which lives in Medusa's customer module.
  const search = q?.trim()
  const matchingCustomerIds = search
    ? (
        await req.scope
          .resolve(Modules.CUSTOMER)
          .listCustomers({ q: search }, { select: ["id"] })
      ).map((customer) => customer.id)
    : undefined

  const { data: affiliate_connections, metadata } = await query.graph({
    entity: "affiliate_connection",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      ...ENDED_FILTER[status ?? "active"],
      ...(matchingCustomerIds ? { customer_id: matchingCustomerIds } : {}),
    },
    pagination: req.queryConfig.pagination,
  })

  res.json({
    affiliate_connections,
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
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

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [affiliate_connection],
  } = await query.graph({
    entity: "affiliate_connection",
    fields: req.queryConfig.fields,
    filters: { id: run.result.id },
  })
  res.status(200).json({ affiliate_connection })
}
