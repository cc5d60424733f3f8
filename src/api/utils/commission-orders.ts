import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The order fields a commission answers from its own columns (copied at crediting). */
export const STORED_ORDER_FIELDS = ["order.id", "order.display_id"]

type CommissionOrder = { id: string; display_id: number | null }

export type CommissionRow = {
  order_id?: string
  order_display_id?: number | null
  order?: CommissionOrder | null
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
