import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { CreateAffiliateCommissionRuleDTO } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { createCommissionRuleStep } from "../steps/create-commission-rule"
import { validateCommissionRuleCreationStep } from "../steps/validate-commission-rule-creation"

export type CreateAffiliateCommissionRuleWorkflowInput = CreateAffiliateCommissionRuleDTO

export const createAffiliateCommissionRuleWorkflowId = "create-affiliate-commission-rule"

/**
 * Gives a program a commission for one product, collection, category or
 * product type (which must exist in Medusa); one rule per target and program.
 * Emits `affiliate_program.updated`: the program's terms changed.
 */
export const createAffiliateCommissionRuleWorkflow = createWorkflow(
  createAffiliateCommissionRuleWorkflowId,
  (input: WorkflowData<CreateAffiliateCommissionRuleWorkflowInput>) => {
    validateCommissionRuleCreationStep(input)
    const rule = createCommissionRuleStep(input)

    emitEventStep({
      eventName: AffiliateEvents.PROGRAM_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.program_id })),
    })

    return new WorkflowResponse(rule)
  }
)
