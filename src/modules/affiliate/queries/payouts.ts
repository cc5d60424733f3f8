import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AffiliateBalanceDTO } from "../types"
import { balanceRows, type LedgerFilter } from "./payout-ledger"

/** A page of (affiliate, currency) balances and their number (none for an empty list of affiliates). */
export async function listAndCountBalances(
  knex: Knex,
  filter: LedgerFilter,
  { skip, take }: { skip: number; take: number }
): Promise<[AffiliateBalanceDTO[], number]> {
  if (filter.affiliate_ids && !filter.affiliate_ids.length) {
    return [[], 0]
  }
  const [page, [{ count }]] = await Promise.all([
    balanceRows(knex, filter).limit(take).offset(skip),
    knex.count<{ count: string }[]>({ count: "*" }).from(balanceRows(knex, filter).clearOrder().as("b")),
  ])
  const rows: Record<string, string>[] = page
  const balances = rows.map((row) => ({
    affiliate_id: row.affiliate_id,
    currency_code: row.currency_code,
    on_hold: Number(row.on_hold),
    payable: Number(row.payable),
    in_payout: Number(row.in_payout),
    paid: Number(row.paid),
  }))
  return [balances, Number(count)]
}

/** Releases payout lines (owed again), or holds them again when `released` is false. */
export async function setLinesReleased(knex: Knex, itemIds: string[], released: boolean): Promise<void> {
  if (!itemIds.length) {
    return
  }
  await knex("affiliate_payout_item")
    .update({ released_at: released ? knex.fn.now() : null, updated_at: knex.fn.now() })
    .whereIn("id", itemIds)
}

/** The live payout holding the commission or one of these adjustments, if any. */
export async function payoutHolding(
  knex: Knex,
  commissionId: string,
  adjustmentIds: string[]
): Promise<string | null> {
  const [item]: { payout_id: string }[] = await knex("affiliate_payout_item")
    .select("payout_id")
    .where((holding: Knex.QueryBuilder) => {
      holding.where("commission_id", commissionId)
      if (adjustmentIds.length) {
        holding.orWhereIn("adjustment_id", adjustmentIds)
      }
    })
    .whereNull("released_at")
    .whereNull("deleted_at")
    .limit(1)
  return item?.payout_id ?? null
}
