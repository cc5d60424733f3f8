import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { PayoutStatus } from "../../../modules/affiliate/models/affiliate-payout"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export { PAYOUT_TRANSITIONS } from "../../../modules/affiliate/utils/payout-status"

export type PayoutStatusChange = {
  id: string
  status: PayoutStatus
  /** Why it failed or was canceled. */
  reason?: string | null
  /** The payment provider's id for the transfer. */
  provider_reference?: string | null
}

export const updatePayoutStatusStepId = "update-affiliate-payout-status"

/**
 * Moves a payout on. Paid marks exactly its commissions paid (or fails,
 * naming one that is no longer approved); failed or canceled releases its
 * lines, so they are owed again and go into the next batch.
 */
export const updatePayoutStatusStep = createStep(
  updatePayoutStatusStepId,
  async (input: PayoutStatusChange, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.changePayoutStatus(input)
    const updated = await service.retrieveAffiliatePayout(input.id)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.undoPayoutStatusChange(previous)
  }
)
