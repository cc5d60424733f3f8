import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { OrderAttributionDecision } from "./decide-order-attribution"

export const recordOrderAttributionStepId = "record-order-attribution"

/**
 * Records the decision for the order. The unique index on the order makes a
 * concurrent second delivery lose here: it answers `recorded: false` and the
 * workflow writes nothing more.
 */
export const recordOrderAttributionStep = createStep(
  recordOrderAttributionStepId,
  async (decision: OrderAttributionDecision, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const attribution = await service
      .createAffiliateOrderAttributions({
        order_id: decision.order_id,
        affiliate_id: decision.affiliate_id,
        method: decision.method,
        outcome: decision.outcome,
        customer_id: decision.customer_id,
        email: decision.email,
      })
      .catch(async (error: unknown) => {
        const [winner] = await service.listAffiliateOrderAttributions({
          order_id: decision.order_id,
        })
        if (!winner) {
          throw error
        }
        return null
      })

    return new StepResponse(
      { recorded: attribution !== null },
      attribution?.id ?? null
    )
  },
  async (attributionId, { container }) => {
    if (!attributionId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateOrderAttributions(attributionId)
  }
)
