import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { unassignAffiliatePromotionsWorkflow } from "../../../../../../workflows"

/**
 * Takes a coupon away from the affiliate. The id is the assignment's (as
 * `GET /admin/affiliates/:id/promotions` lists it); another affiliate's
 * assignment is a 404, like an unknown one.
 */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await unassignAffiliatePromotionsWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id, ids: [req.params.assignment_id] },
  })
  res.json({ id: req.params.assignment_id, object: "affiliate_promotion", deleted: true })
}
