import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { UpdateAffiliateCommissionRuleDTO } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { retrieveProgramCommissionRuleStep } from "../steps/retrieve-program-commission-rule"
import { updateCommissionRuleStep } from "../steps/update-commission-rule"
import { validateCommissionRuleUpdateStep } from "../steps/validate-commission-rule-update"

export type UpdateAffiliateCommissionRuleWorkflowInput = {
  program_id: string
  rule_id: string
  update: UpdateAffiliateCommissionRuleDTO
}

export const updateAffiliateCommissionRuleWorkflowId = "update-affiliate-commission-rule"

/**
 * Changes a rule's commission (kind, rate, amounts); 404 when the rule is not
 * the program's. Emits `affiliate_program.updated`.
 */
export const updateAffiliateCommissionRuleWorkflow = createWorkflow(
  updateAffiliateCommissionRuleWorkflowId,
  (input: WorkflowData<UpdateAffiliateCommissionRuleWorkflowInput>) => {
    const rule = retrieveProgramCommissionRuleStep(input)
    const update = validateCommissionRuleUpdateStep({ rule, update: input.update })
    const updated = updateCommissionRuleStep({ id: input.rule_id, update })

    emitEventStep({
      eventName: AffiliateEvents.PROGRAM_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.program_id })),
    })

    return new WorkflowResponse(updated)
  }
)
