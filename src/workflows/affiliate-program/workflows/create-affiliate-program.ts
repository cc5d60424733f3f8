import {
  createHook,
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { CreateAffiliateProgramDTO } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { createAffiliateProgramStep } from "../steps/create-affiliate-program"
import { validateAffiliateProgramStep } from "../steps/validate-affiliate-program"

export type CreateAffiliateProgramWorkflowInput = {
  program: CreateAffiliateProgramDTO
}

export const createAffiliateProgramWorkflowId = "create-affiliate-program"

/**
 * Creates a program with its terms; a name another program has is a 409.
 * Emits `affiliate_program.created`.
 *
 * @property hooks.affiliateProgramCreated - runs after the program is created.
 */
export const createAffiliateProgramWorkflow = createWorkflow(
  createAffiliateProgramWorkflowId,
  (input: WorkflowData<CreateAffiliateProgramWorkflowInput>) => {
    const checked = validateAffiliateProgramStep({ program: input.program })
    const program = createAffiliateProgramStep(
      transform({ input, checked }, ({ input, checked }) => ({
        ...input.program,
        ...checked,
        name: input.program.name,
      }))
    )

    emitEventStep({
      eventName: AffiliateEvents.PROGRAM_CREATED,
      data: transform({ program }, ({ program }) => ({ id: program.id })),
    })

    const affiliateProgramCreated = createHook("affiliateProgramCreated", { program })

    return new WorkflowResponse(program, { hooks: [affiliateProgramCreated] })
  }
)
