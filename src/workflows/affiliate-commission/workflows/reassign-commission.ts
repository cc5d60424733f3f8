import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { reassignCommissionStep } from "../steps/reassign-commission"
import { validateCommissionReassignmentStep } from "../steps/validate-commission-reassignment"

export type ReassignCommissionWorkflowInput = {
  /** The commission to move. */
  id: string
  /** The affiliate it moves to. */
  affiliate_id: string
  /** Why (an attribution dispute): kept in the new commission's metadata. */
  reason: string
  /** The admin user who moves it. */
  reassigned_by?: string | null
}

export const reassignCommissionWorkflowId = "reassign-commission"

/**
 * Moves a pending or approved commission to another affiliate, for an
 * attribution dispute. The old commission is rejected (reason `reassigned`)
 * and points to a new one for the target affiliate with the same order and
 * money, its refund adjustments copied, under the target's program; the
 * order's attribution names the target. Under the order's crediting lock,
 * so it never interleaves with a crediting of the same order. Emits
 * `affiliate_commission.reassigned` `{ id, previous_id }` and, for the new
 * commission, `affiliate_commission.created`.
 */
export const reassignCommissionWorkflow = createWorkflow(
  reassignCommissionWorkflowId,
  (input: WorkflowData<ReassignCommissionWorkflowInput>) => {
    const { data: commissions } = useQueryGraphStep({
      entity: "affiliate_commission",
      fields: ["id", "order_id"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const lockKey = transform(
      { commissions },
      ({ commissions }) => `affiliate-credit:${commissions[0].order_id}`
    )
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    const { program_id } = validateCommissionReassignmentStep(input)
    const reassigned = reassignCommissionStep(
      transform({ input, program_id }, ({ input, program_id }) => ({
        commission_id: input.id,
        affiliate_id: input.affiliate_id,
        program_id,
        reason: input.reason,
        reassigned_by: input.reassigned_by ?? null,
      }))
    )
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_REASSIGNED,
      data: reassigned,
    })
    // The new commission is the target's: they are told as for any commission.
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_CREATED,
      data: transform({ reassigned }, ({ reassigned }) => ({ id: reassigned.id })),
    }).config({ name: "emit-reassigned-commission-created" })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(reassigned)
  }
)
