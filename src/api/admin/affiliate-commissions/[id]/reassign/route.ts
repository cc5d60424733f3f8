import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { reassignCommissionWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/answer-conflicts"
import { refetchCommissions } from "../../helpers"
import type { AdminReassignAffiliateCommissionType } from "../../validators"

/**
 * Moves the commission to another affiliate (an attribution dispute):
 * `{ commission }` is the new one, `{ previous }` the old one, now rejected
 * as `reassigned`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReassignAffiliateCommissionType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    reassignCommissionWorkflow(req.scope).run({
      input: {
        id: req.params.id,
        ...req.validatedBody,
        reassigned_by: req.auth_context.actor_id,
      },
    })
  )
  if (!run) {
    return
  }
  const { id, previous_id } = run.result
  const rows = await refetchCommissions([id, previous_id], req.scope, req.queryConfig.fields)
  res.json({
    commission: rows.find((row) => row.id === id),
    previous: rows.find((row) => row.id === previous_id),
  })
}
