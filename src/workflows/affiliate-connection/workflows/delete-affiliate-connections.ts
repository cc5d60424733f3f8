import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { endAffiliateConnectionsStep } from "../steps/end-affiliate-connections"

export type DeleteAffiliateConnectionsWorkflowInput = {
  ids: string[]
  ended_by?: string | null
}

export const deleteAffiliateConnectionsWorkflowId = "delete-affiliate-connections"

/**
 * Disconnects customers from their affiliate. The connection is ended, not
 * erased: past commissions and the history keep it. Emits
 * `affiliate_connection.deleted`.
 */
export const deleteAffiliateConnectionsWorkflow = createWorkflow(
  deleteAffiliateConnectionsWorkflowId,
  (input: WorkflowData<DeleteAffiliateConnectionsWorkflowInput>) => {
    const ids = endAffiliateConnectionsStep(input)
    emitEventStep({
      eventName: AffiliateEvents.CONNECTION_DELETED,
      data: transform({ ids }, ({ ids }) => ids.map((id) => ({ id }))),
    })
    return new WorkflowResponse(ids)
  }
)
