import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The order fields a commission answers from its own columns (copied at crediting). */
const STORED_ORDER_FIELDS = ["order.id", "order.display_id"]

type CommissionOrder = { id: string; display_id: number | null }

export type CommissionRow = {
  order_id?: string
  order_display_id?: number | null
  order?: CommissionOrder | null
}

/**
 * The fields to ask query.graph for a list of commissions. When the order
 * is asked for its id and display id only (the admin's lists, the CSV), they
 * come from the commission's `order_id` and `order_display_id`: a page needs
 * no read of the order module. Any other order field keeps the link.
 */
export function commissionFields(fields: string[]): { fields: string[]; storedOrder: boolean } {
  const orderFields = fields.filter((field) => field === "order" || field.startsWith("order."))
  const storedOrder =
    orderFields.length > 0 && orderFields.every((field) => STORED_ORDER_FIELDS.includes(field))
  if (!storedOrder) {
    return { fields, storedOrder }
  }
  const own = fields.filter((field) => !orderFields.includes(field))
  return {
    fields: [...new Set([...own, "order_id", "order_display_id"])],
    storedOrder,
  }
}

/**
 * Gives each commission its `order` ({ id, display_id }) from its own
 * columns. Commissions credited before the display id was copied, whose
 * order the migration could not read, get it from the order module.
 */
export async function withStoredOrders<T extends CommissionRow>(
  scope: MedusaContainer,
  rows: T[]
): Promise<(T & { order: CommissionOrder | null })[]> {
  const missing = rows.filter((row) => row.order_display_id == null && row.order_id)
  const displayIds = new Map<string, number | null>()
  if (missing.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: missing.map((row) => row.order_id!) },
    })
    for (const order of data as CommissionOrder[]) {
      displayIds.set(order.id, order.display_id)
    }
  }
  return rows.map((row) => {
    const displayId = row.order_display_id ?? displayIds.get(row.order_id ?? "")
    return {
      ...row,
      order: row.order_id && displayId != null ? { id: row.order_id, display_id: displayId } : null,
    }
  })
}
