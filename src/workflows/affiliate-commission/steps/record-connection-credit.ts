import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type RecordConnectionCreditStepInput = {
  connection_id: string
  /** The program's lifetime in orders. */
  limit: number | null
}

export const recordConnectionCreditStepId = "record-connection-credit"

/**
 * Counts the order against its connection's lifetime in orders; the order
 * that uses the last one ends the connection (`expired`). Compensation takes
 * the order back off the count and re-opens a connection it ended.
 */
export const recordConnectionCreditStep = createStep(
  recordConnectionCreditStepId,
  async (input: RecordConnectionCreditStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const credit = await service.recordConnectionCredit(input.connection_id, input.limit)
    return new StepResponse(credit, { ...credit, connection_id: input.connection_id })
  },
  async (recorded, { container }) => {
    if (!recorded?.credited_orders) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateConnections({
      id: recorded.connection_id,
      credited_orders: recorded.credited_orders - 1,
      ...(recorded.expired && { ended_at: null, ended_reason: null }),
    })
  }
)
