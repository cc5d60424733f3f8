import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { setAffiliatesProgramStep } from "../steps/set-affiliates-program"
import { validateAffiliatesMoveStep } from "../steps/validate-affiliates-move"

export type MoveAffiliatesToProgramWorkflowInput = {
  program_id: string
  affiliate_ids: string[]
}

export const moveAffiliatesToProgramWorkflowId = "move-affiliates-to-program"

/**
 * Puts affiliates in a program (the default one included): all of them, or
 * none when an id is unknown. Returns how many affiliates are now in it.
 */
export const moveAffiliatesToProgramWorkflow = createWorkflow(
  moveAffiliatesToProgramWorkflowId,
  (input: WorkflowData<MoveAffiliatesToProgramWorkflowInput>) => {
    const move = validateAffiliatesMoveStep(input)
    const moved = setAffiliatesProgramStep(move)
    return new WorkflowResponse(
      transform({ input, moved }, ({ input, moved }) => ({
        program_id: input.program_id,
        moved: moved.length,
      }))
    )
  }
)
