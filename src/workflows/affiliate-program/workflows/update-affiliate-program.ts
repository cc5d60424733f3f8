import {
  createHook,
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { UpdateAffiliateProgramDTO } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { updateAffiliateProgramStep } from "../steps/update-affiliate-program"
import { validateAffiliateProgramStep } from "../steps/validate-affiliate-program"

export type UpdateAffiliateProgramWorkflowInput = {
  id: string
  update: UpdateAffiliateProgramDTO
}

export const updateAffiliateProgramWorkflowId = "update-affiliate-program"

/**
 * Changes a program's terms, the default program's included. The terms are
 * checked as they will be after the change. Emits `affiliate_program.updated`.
 *
 * @property hooks.affiliateProgramUpdated - runs after the program is updated.
 */
export const updateAffiliateProgramWorkflow = createWorkflow(
  updateAffiliateProgramWorkflowId,
  (input: WorkflowData<UpdateAffiliateProgramWorkflowInput>) => {
    const update = validateAffiliateProgramStep({ id: input.id, program: input.update })
    const program = updateAffiliateProgramStep({ id: input.id, update })

    emitEventStep({
      eventName: AffiliateEvents.PROGRAM_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })

    const affiliateProgramUpdated = createHook("affiliateProgramUpdated", { program })

    return new WorkflowResponse(program, { hooks: [affiliateProgramUpdated] })
  }
)
