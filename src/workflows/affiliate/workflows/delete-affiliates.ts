import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { deleteAffiliatesStep } from "../steps/delete-affiliates"

export type DeleteAffiliatesWorkflowInput = { ids: string[] }

export const deleteAffiliatesWorkflowId = "delete-affiliates"

/**
 * Soft-deletes affiliates. Their email and code become free again; their
 * history (connections, commissions) stays.
 */
export const deleteAffiliatesWorkflow = createWorkflow(
  deleteAffiliatesWorkflowId,
  (input: WorkflowData<DeleteAffiliatesWorkflowInput>) => {
    useQueryGraphStep({
      entity: "affiliate",
      fields: ["id"],
      filters: { id: input.ids },
      options: { throwIfKeyNotFound: true },
    })
    return new WorkflowResponse(deleteAffiliatesStep(input.ids))
  }
)
