import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { creditOrderByHandWorkflow } from "../../../../workflows"
import { answerConflicts } from "../../../utils/answer-conflicts"
import { refetchCommission } from "../helpers"
import type { AdminCreditOrderType } from "../validators"

/**
 * Credits an order that credits nobody to an affiliate, by hand, with a note:
 * `{ commission }` (attribution `manual`, `created_by` this admin user). 409
 * when the order already earns a commission (reassign that one instead).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreditOrderType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    creditOrderByHandWorkflow(req.scope).run({
      input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
    })
  )
  if (!run) {
    return
  }
  res.json({ commission: await refetchCommission(run.result.commission_id, req.scope, req.queryConfig.fields) })
}
