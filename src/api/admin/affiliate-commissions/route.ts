import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { type CommissionWithAdjustments, withNetAmount } from "../../utils/commission-net-amount"
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
  const { rows, count } = await listPage<CommissionWithAdjustments>(req.scope, {
    entity: "affiliate_commission",
    fields: req.queryConfig.fields,
    filters: listFilters,
    pagination: req.queryConfig.pagination,
    // Only a list across affiliates, customers and orders counts up to the whole ledger.
    countBesideLinks:
      !filters.affiliate_id && !filters.customer_id && !filters.order_id && !matchingCustomerIds,
    count: async () =>
      (await service.listAndCountAffiliateCommissions(listFilters, { select: ["id"], take: 1 }))[1],
    ids: async (config) =>
      (await service.listAffiliateCommissions(listFilters, { select: ["id"], ...config })).map(
        ({ id }) => id
      ),
  })

  res.json({
    affiliate_commissions: rows.map(withNetAmount),
    count,
    offset: skip ?? 0,
    limit: take ?? 0,
  })
}
