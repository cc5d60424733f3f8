import {
  createHook,
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { CreateAffiliateDTO } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { validateAffiliateProgramIdsStep } from "../../affiliate-program/steps/validate-affiliate-program-ids"
import { createAffiliatesStep } from "../steps/create-affiliates"
import { validateAffiliateUniquenessStep } from "../steps/validate-affiliate-uniqueness"

export type CreateAffiliatesWorkflowInput = {
  affiliates: CreateAffiliateDTO[]
}

export const createAffiliatesWorkflowId = "create-affiliates"

/**
 * Creates affiliates, in the program each names (`program_id`, which must
 * exist) or the default one. Emits `affiliate.created` for each, and
 * `affiliate.approved` for those created already approved.
 *
 * @property hooks.affiliatesCreated - runs after the affiliates are created.
 */
export const createAffiliatesWorkflow = createWorkflow(
  createAffiliatesWorkflowId,
  (input: WorkflowData<CreateAffiliatesWorkflowInput>) => {
    validateAffiliateUniquenessStep(input.affiliates)
    const { default_program_id } = validateAffiliateProgramIdsStep(
      transform({ input }, ({ input }) => input.affiliates.map((a) => a.program_id))
    )
    const affiliates = createAffiliatesStep(
      transform({ input, default_program_id }, ({ input, default_program_id }) =>
        input.affiliates.map((affiliate) =>
          affiliate.program_id && affiliate.program_id === default_program_id
            ? { ...affiliate, program_id: null }
            : affiliate
        )
      )
    )

    const events = transform({ affiliates }, ({ affiliates }) => ({
      created: affiliates.map(({ id }) => ({ id })),
      approved: affiliates
        .filter(({ status }) => status === "approved")
        .map(({ id }) => ({ id })),
    }))
    emitEventStep({
      eventName: AffiliateEvents.CREATED,
      data: events.created,
    }).config({ name: "emit-affiliate-created" })
    emitEventStep({
      eventName: AffiliateEvents.APPROVED,
      data: events.approved,
    }).config({ name: "emit-affiliate-approved" })

    const affiliatesCreated = createHook("affiliatesCreated", { affiliates })

    return new WorkflowResponse(affiliates, { hooks: [affiliatesCreated] })
  }
)
