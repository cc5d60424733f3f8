import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, OrderStatus } from "@medusajs/framework/utils"
import type { OrderHeader } from "./types"

export const ORDER_HEADER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "status",
  "is_draft_order",
  "email",
  "customer_id",
  "currency_code",
  "metadata",
]

export const ORDER_LINES_FIELDS = [
  "id",
  // Medusa records each refund of an order as a transaction of it.
  "transactions.reference",
  // Totals are computed from these: ask for all of them (asked for alone,
  // items.unit_price and items.quantity came back without the quantity).
  "item_total",
  "items.id",
  "items.title",
  "items.product_id",
  "items.product_type_id",
  "items.quantity",
  // Medusa 2.15 computes no totals (all 0) without the order item's own quantity.
  "items.detail.quantity",
  "items.unit_price",
  "items.is_tax_inclusive",
  "items.subtotal",
  "items.total",
  "items.tax_total",
  "items.tax_lines.*",
  "items.adjustments.*",
]

/** The order's fields, or undefined when there is none (a deleted draft, for one). */
export async function fetchOrder<T>(
  container: MedusaContainer,
  orderId: string,
  fields: string[]
): Promise<T | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  // Query types rows only from an app's generated types, which a plugin has
  // none of: the row comes back untyped, and T is the caller's `fields`.
  const order: T | undefined = data[0]
  return order
}

/**
 * Only placed orders earn. A draft order is not one until Medusa converts it
 * (same id, then `order.placed`); a canceled order was placed.
 */
export function isPlaced(order: OrderHeader | undefined): order is OrderHeader {
  return !!order && !order.is_draft_order && order.status !== OrderStatus.DRAFT
}

/**
 * The promotions the order used, from the order↔promotion link alone: one
 * query, run alongside the order's (asking `promotions.id` on the order
 * would wait for the order and then also read the promotion module).
 */
export async function fetchPromotionIds(
  container: MedusaContainer,
  orderId: string
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_promotion",
    fields: ["promotion_id"],
    filters: { order_id: orderId },
  })
  return (data as { promotion_id: string }[]).map((link) => link.promotion_id)
}
