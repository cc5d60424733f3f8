import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { deleteAffiliateConnectionsWorkflow } from "../../../../workflows"

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await deleteAffiliateConnectionsWorkflow(req.scope).run({
    input: { ids: [req.params.id], ended_by: req.auth_context.actor_id },
  })
  res.json({ id: req.params.id, object: "affiliate_connection", deleted: true })
}
