import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreGetAffiliateListParamsType } from "../../validators"
import {
  STORE_COMMISSION_FIELDS,
  STORE_COMMISSION_ORDER_FIELDS,
  type StoreCommissionRow,
  toStoreCommission,
} from "../views"

/** The signed-in affiliate's commissions, newest first, with their orders' numbers and products. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetAffiliateListParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "affiliate_commission",
    fields: STORE_COMMISSION_FIELDS,
    filters: { affiliate_id: req.auth_context.actor_id },
    pagination: {
      ...req.queryConfig.pagination,
      order: { created_at: "DESC", id: "DESC" },
    },
  })
  const commissions = data as StoreCommissionRow[]
  // Bonuses and deductions have no order.
  const orderIds = commissions.flatMap((commission) => (commission.order_id ? [commission.order_id] : []))
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: STORE_COMMISSION_ORDER_FIELDS, filters: { id: orderIds } })
    : { data: [] }
  const ordersById = new Map(orders.map((order) => [order.id, order]))
  res.json({
    commissions: commissions.map((commission) => toStoreCommission(commission, ordersById.get(commission.order_id ?? ""))),
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}
