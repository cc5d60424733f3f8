import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { createCommissionStep } from "../steps/create-commission"
import { type DecideManualCreditStepInput, decideManualCreditStep } from "../steps/decide-manual-credit"
import { recordManualAttributionStep } from "../steps/record-manual-attribution"
import { recordRefundAdjustmentsStep } from "../steps/record-refund-adjustments"

export type CreditOrderByHandWorkflowInput = DecideManualCreditStepInput

export const creditOrderByHandWorkflowId = "credit-order-by-hand"

/**
 * Credits an order that credits nobody (no affiliate was found, or only a
 * blocked one, or it was never decided) to an affiliate an admin chose, with
 * their note: a commission with attribution `manual` under the affiliate's
 * program, recorded as the order's decision. Under the order's crediting
 * lock, so an `order.placed` delivered meanwhile finds it decided. Refunds
 * made before are taken off, as for a late credit. Emits
 * `affiliate_commission.created`.
 */
export const creditOrderByHandWorkflow = createWorkflow(
  creditOrderByHandWorkflowId,
  (input: WorkflowData<CreditOrderByHandWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate-credit:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    const { decision, previous_attribution_id } = decideManualCreditStep(input)
    recordManualAttributionStep({ decision, previous_attribution_id })
    const created = createCommissionStep(transform({ decision }, ({ decision }) => decision.commission!))
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_CREATED,
      data: transform({ created }, ({ created }) => ({ id: created.id })),
    })
    when("record-earlier-refunds", { decision }, ({ decision }) => decision.has_refunds).then(() => {
      recordRefundAdjustmentsStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ created }, ({ created }) => ({ commission_id: created.id })))
  }
)
