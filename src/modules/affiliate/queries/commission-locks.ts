import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The one lock discipline for a commission's money: every write that moves a
 * commission into or out of a payable state (a payout batch, approve,
 * reject, mark paid, reassign, cancel, refund) first locks the commission's
 * row with SELECT … FOR UPDATE, in id order (so two writers never deadlock),
 * and then checks it in a new statement of the same transaction: a writer
 * that waited for the lock sees what the other committed. The database's
 * triggers (Migration20261207161000) refuse whatever slips past.
 */

export type LockedCommission = {
  id: string
  affiliate_id: string
  order_id: string
  status: string
  reason: string | null
  available_at: Date | null
}

const LOCKED_COLUMNS = ["id", "affiliate_id", "order_id", "status", "reason", "available_at"]

/** Locks these live commissions and returns them, in id order. */
export async function lockCommissions(knex: Knex, ids: string[]): Promise<LockedCommission[]> {
  if (!ids.length) {
    return []
  }
  return await knex("affiliate_commission")
    .select(LOCKED_COLUMNS)
    .whereIn("id", ids)
    .whereNull("deleted_at")
    .orderBy("id")
    .forUpdate()
}

/** Locks an order's commissions in these statuses and returns them, in id order. */
export async function lockOrderCommissions(
  knex: Knex,
  orderId: string,
  statuses: string[]
): Promise<LockedCommission[]> {
  return await knex("affiliate_commission")
    .select(LOCKED_COLUMNS)
    .where("order_id", orderId)
    .whereIn("status", statuses)
    .whereNull("deleted_at")
    .orderBy("id")
    .forUpdate()
}

/**
 * The live payout (not failed or canceled) holding each of these
 * commissions. Read after the lock, in its own statement, so that it sees a
 * payout committed while the lock was awaited.
 */
export async function livePayoutsHolding(
  knex: Knex,
  commissionIds: string[]
): Promise<Map<string, string>> {
  if (!commissionIds.length) {
    return new Map()
  }
  const rows: { commission_id: string; payout_id: string }[] = await knex("affiliate_payout_item")
    .select("commission_id", "payout_id")
    .whereIn("commission_id", commissionIds)
    .whereNull("released_at")
    .whereNull("deleted_at")
  return new Map(rows.map((row) => [row.commission_id, row.payout_id]))
}
