import { MedusaError } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../service"
import { lockCommissions } from "../queries/commission-locks"
import { payoutHolding } from "../queries/payouts"
import type { CommissionReassignmentDTO, ReassignCommissionDTO } from "../types"
import { knexOf, type SharedContext } from "./shared-context"

/**
 * Moves a commission to another affiliate: the old one is rejected
 * (`reassigned`, pointing to the new one), a new one for the target
 * affiliate copies its order, amounts, lines, tier, attribution and hold
 * (approved if it was approved, else pending), and its adjustments (the
 * refunds) are copied onto the new one, so the money moved is the old net
 * amount. The order's attribution names the target. The commission is
 * locked first and checked again: still pending or approved, in no live
 * payout (nor any of its adjustments). Returns what the undo needs.
 */
export async function reassignCommission(
  service: AffiliateModuleService,
  input: ReassignCommissionDTO,
  sharedContext: SharedContext
): Promise<CommissionReassignmentDTO> {
  const knex = knexOf(sharedContext)
  const [locked] = await lockCommissions(knex, [input.commission_id])
  if (!locked) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Commission with id: ${input.commission_id} was not found`
    )
  }
  if (locked.status !== "pending" && locked.status !== "approved") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cannot reassign commission ${locked.id}: it is ${locked.status}`
    )
  }
  const old = await service.retrieveAffiliateCommission(
    input.commission_id,
    { relations: ["adjustments"] },
    sharedContext
  )
  const held = await payoutHolding(knex, old.id, old.adjustments.map((adjustment) => adjustment.id))
  if (held) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot reassign commission ${old.id}: it is in payout ${held}`
    )
  }

  const created = await service.createAffiliateCommissions(
    {
      affiliate_id: input.affiliate_id,
      order_id: old.order_id,
      order_display_id: old.order_display_id,
      customer_id: old.customer_id,
      currency_code: old.currency_code,
      base_amount: old.base_amount,
      rate: old.rate,
      amount: old.amount,
      lines: old.lines,
      tier: old.tier,
      attribution: old.attribution,
      available_at: old.available_at,
      status: old.status === "approved" ? "approved" : "pending",
      program_id: input.program_id,
      reassigned_from_id: old.id,
      reassigned_by: input.reassigned_by,
      metadata: { reassign_reason: input.reason },
    },
    sharedContext
  )
  if (old.adjustments.length) {
    await service.createAffiliateCommissionAdjustments(
      old.adjustments.map((adjustment) => ({
        commission_id: created.id,
        amount: adjustment.amount,
        reason: adjustment.reason,
        reference: adjustment.reference,
        metadata: adjustment.metadata,
      })),
      sharedContext
    )
  }
  await service.updateAffiliateCommissions(
    {
      id: old.id,
      status: "rejected",
      reason: "reassigned",
      reassigned_to_id: created.id,
      reassigned_by: input.reassigned_by,
    },
    sharedContext
  )
  const [attribution] = await service.listAffiliateOrderAttributions(
    { order_id: old.order_id },
    { select: ["id", "affiliate_id"], take: 1 },
    sharedContext
  )
  if (attribution) {
    await service.updateAffiliateOrderAttributions(
      { id: attribution.id, affiliate_id: input.affiliate_id },
      sharedContext
    )
  }
  return {
    id: created.id,
    previous: {
      id: old.id,
      status: old.status,
      reason: old.reason,
      reassigned_to_id: old.reassigned_to_id,
      reassigned_by: old.reassigned_by,
    },
    attribution: attribution
      ? { id: attribution.id, affiliate_id: attribution.affiliate_id }
      : null,
  }
}

/** Undoes reassignCommission (a workflow's compensation): the new commission goes, the old one is as it was. */
export async function undoCommissionReassignment(
  service: AffiliateModuleService,
  { id, previous, attribution }: CommissionReassignmentDTO,
  sharedContext: SharedContext
): Promise<void> {
  const adjustments = await service.listAffiliateCommissionAdjustments(
    { commission_id: id },
    { select: ["id"] },
    sharedContext
  )
  if (adjustments.length) {
    await service.deleteAffiliateCommissionAdjustments(
      adjustments.map((adjustment) => adjustment.id),
      sharedContext
    )
  }
  await service.deleteAffiliateCommissions(id, sharedContext)
  await service.updateAffiliateCommissions(previous, sharedContext)
  if (attribution) {
    await service.updateAffiliateOrderAttributions(attribution, sharedContext)
  }
}
