import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const reverseCanceledOrderCommissionsStepId = "reverse-canceled-order-commissions"

/** The reference of the one cancellation adjustment a commission can get. */
export const ORDER_CANCELED_REFERENCE = "order_canceled"

type Reversal = {
  rejected: { id: string; status: string; reason: string | null }[]
  adjustment_ids: string[]
}

/**
 * A canceled order owes its affiliate nothing: a pending or approved
 * commission becomes rejected; a paid one, or one a payout holds, keeps its
 * status and gets a negative adjustment for what is still paid out on it
 * (deducted from the next payout).
 */
export const reverseCanceledOrderCommissionsStep = createStep(
  reverseCanceledOrderCommissionsStepId,
  async (input: { order_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const commissions = await service.listAffiliateCommissions(
      { order_id: input.order_id, status: ["pending", "approved", "paid"] },
      { relations: ["adjustments"] }
    )

    const inPayouts = await service.findPayoutsHoldingCommissions(commissions.map((c) => c.id))
    const isPaidOut = (c: { id: string; status: string }) =>
      c.status === "paid" || !!inPayouts[c.id]
    const toReject = commissions.filter((c) => !isPaidOut(c))
    if (toReject.length) {
      await service.updateAffiliateCommissions(
        toReject.map((c) => ({ id: c.id, status: "rejected" as const, reason: "order_canceled" }))
      )
    }

    const adjustments = commissions
      .filter(isPaidOut)
      .filter((c) => !c.adjustments.some((a) => a.reference === ORDER_CANCELED_REFERENCE))
      .map((c) => ({
        commission_id: c.id,
        // Whatever earlier refunds left of the commission.
        amount: MathBN.mult(
          MathBN.add(c.amount, ...c.adjustments.map((a) => a.amount)),
          -1
        ).toNumber(),
        reason: "order_canceled" as const,
        reference: ORDER_CANCELED_REFERENCE,
      }))
      .filter((adjustment) => adjustment.amount < 0)
    const created = adjustments.length
      ? await service.createAffiliateCommissionAdjustments(adjustments)
      : []

    const reversal: Reversal = {
      rejected: toReject.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
      adjustment_ids: created.map((a) => a.id),
    }
    return new StepResponse(reversal, reversal)
  },
  async (reversal, { container }) => {
    if (!reversal) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    if (reversal.adjustment_ids.length) {
      await service.deleteAffiliateCommissionAdjustments(reversal.adjustment_ids)
    }
    if (reversal.rejected.length) {
      await service.updateAffiliateCommissions(
        reversal.rejected.map((c) => ({
          id: c.id,
          status: c.status as "pending" | "approved",
          reason: c.reason,
        }))
      )
    }
  }
)
