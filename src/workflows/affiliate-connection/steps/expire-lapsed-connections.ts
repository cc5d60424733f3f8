import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const expireLapsedConnectionsStepId = "expire-lapsed-connections"

/**
 * Ends the live connections whose program's lifetime is over (reason
 * `expired`), in batches; compensation re-opens them.
 */
export const expireLapsedConnectionsStep = createStep(
  expireLapsedConnectionsStepId,
  async (_: void, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const ids = await service.expireLapsedConnections()
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.reopenExpiredConnections(ids)
  }
)
