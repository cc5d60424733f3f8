import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { PayoutStatus } from "../../../modules/affiliate/models/affiliate-payout"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Where a payout can go from each status. */
export const PAYOUT_TRANSITIONS: Record<PayoutStatus, PayoutStatus[]> = {
  draft: ["processing", "paid", "canceled"],
  processing: ["paid", "failed"],
  paid: [],
  failed: [],
  canceled: [],
}

export type PayoutStatusChange = {
  id: string
  status: PayoutStatus
  /** Why it failed or was canceled. */
  reason?: string | null
  /** The payment provider's id for the transfer. */
  provider_reference?: string | null
}

type PreviousPayout = {
  id: string
  status: PayoutStatus
  reason: string | null
  provider_reference: string | null
  paid_commission_ids: string[]
  released_item_ids: string[]
}

export const updatePayoutStatusStepId = "update-affiliate-payout-status"

/**
 * Moves a payout on. Paid marks its commissions paid; failed or canceled
 * releases its lines, so they are owed again and go into the next batch.
 */
export const updatePayoutStatusStep = createStep(
  updatePayoutStatusStepId,
  async (input: PayoutStatusChange, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const payout = await service.retrieveAffiliatePayout(input.id, {
      select: ["id", "status", "reason", "provider_reference"],
      relations: ["items"],
    })
    const from = payout.status as PayoutStatus
    if (!PAYOUT_TRANSITIONS[from].includes(input.status)) {
      const allowed = PAYOUT_TRANSITIONS[from]
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payout ${payout.id} is ${from}: it ` +
          (allowed.length ? `can only become ${allowed.join(", ")}` : "cannot change any more")
      )
    }

    const activeItems = payout.items.filter((item) => !item.released_at && !item.deleted_at)
    const commissionIds = activeItems
      .map((item) => item.commission_id)
      .filter((id): id is string => !!id)
    const previous: PreviousPayout = {
      id: payout.id,
      status: from,
      reason: payout.reason,
      provider_reference: payout.provider_reference,
      paid_commission_ids: [],
      released_item_ids: [],
    }

    if (input.status === "paid" && commissionIds.length) {
      await service.updateAffiliateCommissions({
        selector: { id: commissionIds, status: "approved" },
        data: { status: "paid" },
      })
      previous.paid_commission_ids = commissionIds
    }
    if (input.status === "failed" || input.status === "canceled") {
      previous.released_item_ids = activeItems.map((item) => item.id)
      await service.updateAffiliatePayoutItems({
        selector: { id: previous.released_item_ids },
        data: { released_at: new Date() },
      })
    }
    const updated = await service.updateAffiliatePayouts({
      id: payout.id,
      status: input.status,
      ...(input.reason !== undefined && { reason: input.reason?.trim() || null }),
      ...(input.provider_reference !== undefined && {
        provider_reference: input.provider_reference,
      }),
      ...(input.status === "paid" && { paid_at: new Date() }),
    })
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    if (previous.paid_commission_ids.length) {
      await service.updateAffiliateCommissions({
        selector: { id: previous.paid_commission_ids },
        data: { status: "approved" },
      })
    }
    if (previous.released_item_ids.length) {
      await service.updateAffiliatePayoutItems({
        selector: { id: previous.released_item_ids },
        data: { released_at: null },
      })
    }
    await service.updateAffiliatePayouts({
      id: previous.id,
      status: previous.status,
      reason: previous.reason,
      provider_reference: previous.provider_reference,
      paid_at: null,
    })
  }
)
