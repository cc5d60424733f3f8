import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { PayoutStatus } from "../models/affiliate-payout"

/**
 * A payout's status and its commissions', written in this order in plain
 * SQL: the database lets a held commission become paid only once its payout
 * is (Migration20261207161000), and the ORM would flush the two in its own
 * order at the end of the transaction.
 */

export type LockedPayout = {
  id: string
  status: PayoutStatus
  reason: string | null
  provider_reference: string | null
  paid_at: Date | null
}

/** Locks a live payout's row and returns it. */
export async function lockPayout(knex: Knex, id: string): Promise<LockedPayout | undefined> {
  const [payout] = await knex("affiliate_payout")
    .select("id", "status", "reason", "provider_reference", "paid_at")
    .where({ id })
    .whereNull("deleted_at")
    .forUpdate()
  return payout
}

/** The lines a payout holds (not released). */
export async function heldLines(
  knex: Knex,
  payoutId: string
): Promise<{ id: string; commission_id: string | null }[]> {
  return await knex("affiliate_payout_item")
    .select("id", "commission_id")
    .where({ payout_id: payoutId })
    .whereNull("released_at")
    .whereNull("deleted_at")
}

export async function writePayout(
  knex: Knex,
  id: string,
  fields: Partial<Omit<LockedPayout, "id">>
): Promise<void> {
  await knex("affiliate_payout").update({ ...fields, updated_at: knex.fn.now() }).where({ id })
}

export async function writeCommissionStatuses(
  knex: Knex,
  ids: string[],
  status: "approved" | "paid"
): Promise<number> {
  if (!ids.length) {
    return 0
  }
  return await knex("affiliate_commission")
    .update({ status, updated_at: knex.fn.now() })
    .whereIn("id", ids)
    .whereNull("deleted_at")
}
