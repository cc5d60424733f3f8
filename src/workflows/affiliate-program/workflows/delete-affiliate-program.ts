import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { deleteAffiliateProgramStep } from "../steps/delete-affiliate-program"
import { setAffiliatesProgramStep } from "../steps/set-affiliates-program"
import { validateAffiliateProgramDeletionStep } from "../steps/validate-affiliate-program-deletion"

export type DeleteAffiliateProgramWorkflowInput = { id: string }

export const deleteAffiliateProgramWorkflowId = "delete-affiliate-program"

/**
 * Deletes a program (never the default one): its affiliates go back to the
 * default program and its rules are deleted with it. Emits
 * `affiliate_program.deleted`.
 */
export const deleteAffiliateProgramWorkflow = createWorkflow(
  deleteAffiliateProgramWorkflowId,
  (input: WorkflowData<DeleteAffiliateProgramWorkflowInput>) => {
    validateAffiliateProgramDeletionStep(input.id)

    const { data: affiliates } = useQueryGraphStep({
      entity: "affiliate",
      fields: ["id"],
      filters: { program_id: input.id },
    })
    setAffiliatesProgramStep(
      transform({ affiliates }, ({ affiliates }) => ({
        affiliate_ids: affiliates.map((affiliate: { id: string }) => affiliate.id),
        program_id: null,
      }))
    )
    const id = deleteAffiliateProgramStep(input.id)

    emitEventStep({
      eventName: AffiliateEvents.PROGRAM_DELETED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })

    return new WorkflowResponse(id)
  }
)
