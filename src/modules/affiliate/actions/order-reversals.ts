import { MathBN } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../service"
import { ORDER_CANCELED_REFERENCE } from "../models/affiliate-commission-adjustment"
import { livePayoutsHolding, lockOrderCommissions } from "../queries/commission-locks"
import type { CanceledOrderReversalDTO, OrderRefundDTO } from "../types"
import { refundAdjustments } from "../utils/money"
import { knexOf, type SharedContext } from "./shared-context"

/** An order's refunds and what was charged for it, for its commissions' adjustments. */
export type OrderRefundsInput = { order_id: string; refunds: OrderRefundDTO[]; charged: number | string }

/**
 * A canceled order owes its affiliate nothing: under the commission lock, a
 * pending or approved commission becomes rejected; a paid one, or one a
 * payout holds, keeps its status and gets a negative adjustment for what is
 * still paid out on it (deducted from the next payout), once.
 */
export async function reverseCanceledOrderCommissions(
  service: AffiliateModuleService,
  orderId: string,
  sharedContext: SharedContext
): Promise<CanceledOrderReversalDTO> {
  const knex = knexOf(sharedContext)
  const locked = await lockOrderCommissions(knex, orderId, ["pending", "approved", "paid"])
  const ids = locked.map((c) => c.id)
  const heldBy = await livePayoutsHolding(knex, ids)
  const isPaidOut = (c: { id: string; status: string }) => c.status === "paid" || heldBy.has(c.id)
  const toReject = locked.filter((c) => !isPaidOut(c))
  if (toReject.length) {
    await service.updateAffiliateCommissions(
      toReject.map((c) => ({ id: c.id, status: "rejected" as const, reason: "order_canceled" })),
      sharedContext
    )
  }
  const paidOut = locked.filter(isPaidOut).map((c) => c.id)
  const commissions = paidOut.length
    ? await service.listAffiliateCommissions(
        { id: paidOut },
        { select: ["id", "amount"], relations: ["adjustments"] },
        sharedContext
      )
    : []
  const adjustments = commissions
    .filter((c) => !c.adjustments.some((a) => a.reference === ORDER_CANCELED_REFERENCE))
    .map((c) => ({
      commission_id: c.id,
      // Whatever earlier refunds left of the commission.
      amount: MathBN.mult(MathBN.add(c.amount, ...c.adjustments.map((a) => a.amount)), -1).toNumber(),
      reason: "order_canceled" as const,
      reference: ORDER_CANCELED_REFERENCE,
    }))
    .filter((adjustment) => adjustment.amount < 0)
  const created = adjustments.length
    ? await service.createAffiliateCommissionAdjustments(adjustments, sharedContext)
    : []
  return {
    rejected: toReject.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
    adjustment_ids: created.map((a) => a.id),
  }
}

/**
 * The adjustments the order's refunds not yet recorded make on its live
 * commissions (see refundAdjustments), under the commission lock: a
 * reassignment or a batch at the same moment sees them, or they see it.
 */
export async function recordOrderRefunds(
  service: AffiliateModuleService,
  input: OrderRefundsInput,
  sharedContext: SharedContext
): Promise<string[]> {
  const locked = await lockOrderCommissions(knexOf(sharedContext), input.order_id, [
    "pending",
    "approved",
    "paid",
  ])
  if (!locked.length) {
    return []
  }
  const commissions = await service.listAffiliateCommissions(
    { id: locked.map((c) => c.id) },
    { relations: ["adjustments"] },
    sharedContext
  )
  const adjustments = commissions.flatMap((commission) =>
    refundAdjustments(commission, input.refunds, input.charged).map((adjustment) => ({
      ...adjustment,
      commission_id: commission.id,
      reason: "refund" as const,
    }))
  )
  const created = adjustments.length
    ? await service.createAffiliateCommissionAdjustments(adjustments, sharedContext)
    : []
  return created.map((a) => a.id)
}
