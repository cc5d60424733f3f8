import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const endExpiredConnectionsStepId = "end-expired-connections"

/**
 * Ends connections crediting found past their program's lifetime (reason
 * `expired`), so the customer is free for a new affiliate. Returns the ones
 * it ended (another process may have ended some first); compensation re-opens them.
 */
export const endExpiredConnectionsStep = createStep(
  endExpiredConnectionsStepId,
  async (ids: string[], { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const ended = await service.expireAffiliateConnections(ids)
    return new StepResponse(ended, ended)
  },
  async (ended, { container }) => {
    if (!ended?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateConnections(
      ended.map((id) => ({ id, ended_at: null, ended_reason: null }))
    )
  }
)
