import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  deleteAffiliateCommissionRuleWorkflow,
  updateAffiliateCommissionRuleWorkflow,
} from "../../../../../../workflows"
import { retrieveRule } from "../../../helpers"
import type { AdminUpdateAffiliateCommissionRuleType } from "../../../validators"

/** Changes a rule's kind, rate or amounts. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateCommissionRuleType>,
  res: MedusaResponse
) => {
  const { id, rule_id } = req.params
  await updateAffiliateCommissionRuleWorkflow(req.scope).run({
    input: { program_id: id, rule_id, update: req.validatedBody },
  })
  res.json({ rule: await retrieveRule(req.scope, id, rule_id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id, rule_id } = req.params
  await deleteAffiliateCommissionRuleWorkflow(req.scope).run({
    input: { program_id: id, rule_id },
  })
  res.json({ id: rule_id, object: "affiliate_commission_rule", deleted: true })
}
