import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listAffiliateCustomers } from "../../../../utils/affiliate-customers"
import { maskEmail } from "../../helpers"
import type { StoreGetAffiliateListParamsType } from "../../validators"

/** The signed-in affiliate's customers, with masked emails. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetAffiliateListParamsType>,
  res: MedusaResponse
) => {
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const { customers, count } = await listAffiliateCustomers(
    req.scope,
    req.auth_context.actor_id,
    { skip, take }
  )
  res.json({
    // No customer id: the affiliate tells customers apart by name, masked email and dates.
    customers: customers.map((customer) => ({
      first_name: customer.first_name ?? null,
      email: maskEmail(customer.email),
      connected: !!customer.connection,
      connected_at: customer.connection?.created_at ?? null,
      // Under a program whose connections last some days or orders.
      expires_at: customer.connection?.expires_at ?? null,
      orders_left: customer.connection?.orders_left ?? null,
      order_count: customer.order_count,
      first_order_at: customer.first_order_at,
      revenue: customer.revenue,
    })),
    count,
    offset: skip,
    limit: take,
  })
}
