import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { UpdateAffiliateDTO } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { validateAffiliateProgramIdsStep } from "../../affiliate-program/steps/validate-affiliate-program-ids"
import { updateAffiliateStep } from "../steps/update-affiliate"
import { validateAffiliateUniquenessStep } from "../steps/validate-affiliate-uniqueness"

export type UpdateAffiliateWorkflowInput = {
  id: string
  update: UpdateAffiliateDTO
}

export const updateAffiliateWorkflowId = "update-affiliate"

/**
 * Updates an affiliate, status and program changes included (`program_id`
 * must exist; null puts them in the default program). Emits `affiliate.approved`
 * when the status becomes `approved`.
 *
 * @property hooks.affiliateUpdated - runs after the affiliate is updated.
 */
export const updateAffiliateWorkflow = createWorkflow(
  updateAffiliateWorkflowId,
  (input: WorkflowData<UpdateAffiliateWorkflowInput>) => {
    const { data: current } = useQueryGraphStep({
      entity: "affiliate",
      fields: ["id", "status"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })

    validateAffiliateUniquenessStep(
      transform({ input }, ({ input }) => [
        { id: input.id, email: input.update.email, code: input.update.code },
      ])
    )
    const { default_program_id } = validateAffiliateProgramIdsStep(
      transform({ input }, ({ input }) => [input.update.program_id])
    )
    const affiliate = updateAffiliateStep(
      transform({ input, default_program_id }, ({ input, default_program_id }) =>
        input.update.program_id && input.update.program_id === default_program_id
          ? { ...input, update: { ...input.update, program_id: null } }
          : input
      )
    )

    const becameApproved = transform(
      { current, affiliate },
      ({ current, affiliate }) =>
        current[0].status !== "approved" && affiliate.status === "approved"
    )
    when({ becameApproved }, ({ becameApproved }) => becameApproved).then(() => {
      emitEventStep({
        eventName: AffiliateEvents.APPROVED,
        data: { id: input.id },
      })
    })

    const affiliateUpdated = createHook("affiliateUpdated", { affiliate })

    return new WorkflowResponse(affiliate, { hooks: [affiliateUpdated] })
  }
)
