import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { type CommissionWithAdjustments, withNetAmount } from "../../utils/commission-net-amount"
import { listRowsPlan, readListRows } from "../../utils/list-rows"
import { listPage } from "../../utils/list-page"
import { searchCustomerIds } from "../../utils/search-customers"
import type { AdminGetAffiliateCommissionsParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateCommissionsParamsType>,
  res: MedusaResponse
) => {
  const { q, ...filters } = req.filterableFields as AdminGetAffiliateCommissionsParamsType
  const { skip, take } = req.queryConfig.pagination

  // `q` searches the buyer (email, name) in Medusa's customer module, as the connections list does.
  const matchingCustomerIds = await searchCustomerIds(req.scope, q, filters.customer_id)
  if (matchingCustomerIds?.length === 0) {
    res.json({ affiliate_commissions: [], count: 0, offset: skip ?? 0, limit: take ?? 0 })
    return
  }

  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const listFilters = {
    ...filters,
    ...(matchingCustomerIds ? { customer_id: matchingCustomerIds } : {}),
  }
  // The admin's fields are read in plain SQL; others (another relation's) through query.graph.
  const plan = listRowsPlan("affiliate_commission", req.queryConfig.fields)
  const { rows, count, estimated } = await listPage<CommissionWithAdjustments>(req.scope, {
    entity: "affiliate_commission",
    fields: req.queryConfig.fields,
    filters: listFilters,
    pagination: req.queryConfig.pagination,
    // Exact up to 10,000 matches, an estimate past them: the ledger is the one
    // list that grows with every order, and counting a million rows exactly
    // was most of a first page's time.
    shallowCount: () => service.countAffiliateCommissions(listFilters),
    count: async () => (await service.countAffiliateCommissions(listFilters, { exact: true })).count,
    ids: async (config) =>
      (await service.listAffiliateCommissions(listFilters, { select: ["id"], ...config })).map(
        ({ id }) => id
      ),
    rowsByIds: plan ? (ids) => readListRows(req.scope, ids, plan) : undefined,
  })

  res.json({
    affiliate_commissions: rows.map(withNetAmount),
    count,
    // Medusa's convention for a planner estimate (its index engine's product
    // lists): `count` holds it, so paging clients keep working, and
    // `estimate_count` repeats it to say it is one.
    ...(estimated ? { estimate_count: count } : {}),
    offset: skip ?? 0,
    limit: take ?? 0,
  })
}
