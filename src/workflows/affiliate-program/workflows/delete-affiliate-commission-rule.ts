import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { deleteCommissionRuleStep } from "../steps/delete-commission-rule"
import { retrieveProgramCommissionRuleStep } from "../steps/retrieve-program-commission-rule"

export type DeleteAffiliateCommissionRuleWorkflowInput = {
  program_id: string
  rule_id: string
}

export const deleteAffiliateCommissionRuleWorkflowId = "delete-affiliate-commission-rule"

/**
 * Deletes a rule; its products earn the program's commission again. 404 when
 * the rule is not the program's. Emits `affiliate_program.updated`.
 */
export const deleteAffiliateCommissionRuleWorkflow = createWorkflow(
  deleteAffiliateCommissionRuleWorkflowId,
  (input: WorkflowData<DeleteAffiliateCommissionRuleWorkflowInput>) => {
    retrieveProgramCommissionRuleStep(input)
    const id = deleteCommissionRuleStep(input.rule_id)

    emitEventStep({
      eventName: AffiliateEvents.PROGRAM_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.program_id })),
    })

    return new WorkflowResponse(id)
  }
)
