import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createAffiliateCommissionRuleWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/answer-conflicts"
import { retrieveRule } from "../../helpers"
import type { AdminCreateAffiliateCommissionRuleType } from "../../validators"

/** A commission rule for one product, collection, category or product type. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateCommissionRuleType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    createAffiliateCommissionRuleWorkflow(req.scope).run({
      input: { ...req.validatedBody, program_id: req.params.id },
    })
  )
  if (run) {
    res.json({ rule: await retrieveRule(req.scope, req.params.id, run.result.id) })
  }
}
