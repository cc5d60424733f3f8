import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { OrderAttributionDecision } from "./decide-order-attribution"

export const createCommissionStepId = "create-affiliate-commission"

/** Writes the order's commission (one per order and affiliate, by unique index). */
export const createCommissionStep = createStep(
  createCommissionStepId,
  async (
    commission: NonNullable<OrderAttributionDecision["commission"]>,
    { container }
  ) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const created = await service.createAffiliateCommissions(commission)
    return new StepResponse({ id: created.id }, created.id)
  },
  async (commissionId, { container }) => {
    if (!commissionId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateCommissions(commissionId)
  }
)
