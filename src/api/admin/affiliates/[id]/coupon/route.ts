import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createAffiliateCouponWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/answer-conflicts"

/**
 * "Create coupon": makes the affiliate's coupon (a promotion with their code
 * and their program's percentage off) and assigns it → `{ coupon: { promotion_id,
 * code, percentage } }`. 409 when a promotion has the code already.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const run = await answerConflicts(res, () =>
    createAffiliateCouponWorkflow(req.scope).run({ input: { affiliate_id: req.params.id } })
  )
  if (run) {
    res.json({ coupon: run.result })
  }
}
