import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { deleteAffiliateConnectionsWorkflow } from "../../../../workflows"
import { refetchConnection } from "../helpers"

/** One connection (live or ended), with `expires_at` and `orders_left`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliate_connection = await refetchConnection(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ affiliate_connection })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await deleteAffiliateConnectionsWorkflow(req.scope).run({
    input: { ids: [req.params.id], ended_by: req.auth_context.actor_id },
  })
  res.json({ id: req.params.id, object: "affiliate_connection", deleted: true })
}
