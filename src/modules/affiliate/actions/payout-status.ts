import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import type { PayoutStatus } from "../models/affiliate-payout"
import { lockCommissions } from "../queries/commission-locks"
import { heldLines, lockPayout, writeCommissionStatuses, writePayout } from "../queries/payout-status"
import { setLinesReleased } from "../queries/payouts"
import type { PayoutStatusBeforeDTO } from "../types"
import { assertPayoutTransition } from "../utils/payout-status"

/** A payout's next status, with its reason and the provider's reference when they change. */
export type PayoutStatusChange = {
  id: string
  status: PayoutStatus
  reason?: string | null
  provider_reference?: string | null
}

/**
 * Moves a payout on, under its own row lock and its commissions': paid
 * marks exactly its commissions paid — all approved, or it fails naming
 * the one that is not; failed or canceled releases its lines, owed again.
 * Returns the payout as it was, with what it paid and released, for
 * undoPayoutStatusChange.
 */
export async function changePayoutStatus(knex: Knex, change: PayoutStatusChange): Promise<PayoutStatusBeforeDTO> {
  const payout = await lockPayout(knex, change.id)
  if (!payout) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${change.id} was not found`)
  }
  assertPayoutTransition(payout, change.status)
  const items = await heldLines(knex, payout.id)
  const previous: PayoutStatusBeforeDTO = { ...payout, paid_commission_ids: [], released_item_ids: [] }

  await writePayout(knex, payout.id, {
    status: change.status,
    ...(change.reason !== undefined && { reason: change.reason?.trim() || null }),
    ...(change.provider_reference !== undefined && {
      provider_reference: change.provider_reference,
    }),
    ...(change.status === "paid" && { paid_at: new Date() }),
  })
  if (change.status === "paid") {
    const commissionIds = items.flatMap((item) => (item.commission_id ? [item.commission_id] : []))
    const commissions = await lockCommissions(knex, commissionIds)
    const unpayable = commissionIds.filter(
      (id) => commissions.find((c) => c.id === id)?.status !== "approved"
    )
    if (unpayable.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Payout ${payout.id} cannot be paid: commission ${unpayable.join(", ")} is no longer approved`
      )
    }
    await writeCommissionStatuses(knex, commissionIds, "paid")
    previous.paid_commission_ids = commissionIds
  }
  if (change.status === "failed" || change.status === "canceled") {
    previous.released_item_ids = items.map((item) => item.id)
    await setLinesReleased(knex, previous.released_item_ids, true)
  }
  return previous
}

/**
 * Undoes changePayoutStatus (a workflow's compensation): the payout first,
 * then its commissions and lines, as the database lets a held commission's
 * status only follow its payout's.
 */
export async function undoPayoutStatusChange(knex: Knex, previous: PayoutStatusBeforeDTO): Promise<void> {
  await writePayout(knex, previous.id, {
    status: previous.status as PayoutStatus,
    reason: previous.reason,
    provider_reference: previous.provider_reference,
    paid_at: previous.paid_at,
  })
  await writeCommissionStatuses(knex, previous.paid_commission_ids, "approved")
  await setLinesReleased(knex, previous.released_item_ids, false)
}
