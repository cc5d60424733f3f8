import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { creditOrder } from "../../../../workflows"
import type { AdminReconcileOrderType } from "../validators"

/**
 * Re-runs the crediting of one order, for an order whose `order.placed`
 * handling failed. Changes nothing for an order already decided; a draft
 * order answers the outcome `not_placed` (it is credited once converted).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReconcileOrderType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph(
    { entity: "order", fields: ["id"], filters: { id: req.validatedBody.order_id } },
    { throwIfKeyNotFound: true }
  )
  const { result } = await creditOrder(req.scope, req.validatedBody.order_id)
  res.json({ order_id: req.validatedBody.order_id, ...result })
}
