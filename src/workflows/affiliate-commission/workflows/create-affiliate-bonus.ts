import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import {
  type CreateAffiliateBonusStepInput,
  createAffiliateBonusStep,
} from "../steps/create-affiliate-bonus"

export const createAffiliateBonusWorkflowId = "create-affiliate-bonus"

/**
 * Gives an affiliate a one-off bonus (a positive amount) or takes a
 * deduction (a negative one), with the admin's note: an approved ledger line
 * without an order, in their balance and next payout like any other. Emits
 * `affiliate_commission.created`.
 */
export const createAffiliateBonusWorkflow = createWorkflow(
  createAffiliateBonusWorkflowId,
  (input: WorkflowData<CreateAffiliateBonusStepInput>) => {
    const created = createAffiliateBonusStep(input)
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_CREATED,
      data: transform({ created }, ({ created }) => ({ id: created.id })),
    })
    return new WorkflowResponse(created)
  }
)
