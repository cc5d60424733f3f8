import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listAffiliateCustomers } from "../../../../utils/affiliate-customers"
import { refetchAffiliate } from "../../helpers"
import type { AdminGetAffiliateCustomersParamsType } from "../../validators"

/** The affiliate's connected and referred customers (see listAffiliateCustomers). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateCustomersParamsType>,
  res: MedusaResponse
) => {
  await refetchAffiliate(req.params.id, req.scope, ["id"])
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const { customers, count } = await listAffiliateCustomers(req.scope, req.params.id, {
    skip,
    take,
  })
  res.json({ customers, count, offset: skip, limit: take })
}
