import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ACTIVE_PAYOUT_STATUSES } from "../models/affiliate-payout"

/**
 * The payout ledger in SQL. An item is "held" by a payout until that payout
 * fails or is canceled; what no payout holds is owed.
 */

export type LedgerFilter = {
  affiliate_ids?: string[]
  currency_code?: string
  /** Also affiliates without a payout method (a batch leaves them out by default). */
  include_without_payout_method?: boolean
}

const NOT_IN_A_PAYOUT = (column: "commission_id" | "adjustment_id", id: string) => `
  not exists (
    select 1 from affiliate_payout_item i
    where i.${column} = ${id} and i.released_at is null and i.deleted_at is null)`

function applyFilter(query: Knex.QueryBuilder, filter: LedgerFilter) {
  if (filter.affiliate_ids) {
    query.whereIn("c.affiliate_id", filter.affiliate_ids)
  }
  if (filter.currency_code) {
    query.where("c.currency_code", filter.currency_code)
  }
  return query
}

/**
 * Only affiliates who can be paid: not blocked, not deleted, and (unless the
 * filter says otherwise) who said how to be paid. What they are owed stays
 * in their balance (and the preview says why it waits).
 */
function payableAffiliate(query: Knex.QueryBuilder, filter: LedgerFilter) {
  query
    .join("affiliate as af", "af.id", "c.affiliate_id")
    .whereNull("af.deleted_at")
    .whereNot("af.status", "blocked")
  return filter.include_without_payout_method ? query : query.whereNotNull("af.payout_method")
}

/**
 * What is owed now, line by line: approved commissions in no payout, and
 * adjustments in no payout of commissions that are approved or paid (a
 * refund after payment is a negative line, deducted from the next payout);
 * each with its commission's id and status.
 */
function owedLines(knex: Knex, filter: LedgerFilter, payableOnly = false) {
  const among = (query: Knex.QueryBuilder) => (payableOnly ? payableAffiliate(query, filter) : query)
  const commissions = applyFilter(
    among(knex("affiliate_commission as c"))
      .select(
        "c.affiliate_id",
        "c.currency_code",
        knex.raw("c.id as commission_id"),
        knex.raw("null::text as adjustment_id"),
        knex.raw("c.status as commission_status"),
        knex.raw("c.id as owner_commission_id"),
        "c.amount"
      )
      .where("c.status", "approved")
      .whereNull("c.deleted_at")
      .whereRaw(NOT_IN_A_PAYOUT("commission_id", "c.id")),
    filter
  )
  const adjustments = applyFilter(
    among(
      knex("affiliate_commission_adjustment as a").join(
        "affiliate_commission as c",
        "c.id",
        "a.commission_id"
      )
    )
      .select(
        "c.affiliate_id",
        "c.currency_code",
        knex.raw("null::text as commission_id"),
        knex.raw("a.id as adjustment_id"),
        knex.raw("c.status as commission_status"),
        knex.raw("c.id as owner_commission_id"),
        "a.amount"
      )
      .whereIn("c.status", ["approved", "paid"])
      .whereNull("a.deleted_at")
      .whereNull("c.deleted_at")
      .whereRaw(NOT_IN_A_PAYOUT("adjustment_id", "a.id")),
    filter
  )
  return commissions.unionAll(adjustments, true)
}

/** What a batch pays now: the owed lines of affiliates who can be paid. */
export const payableLines = (knex: Knex, filter: LedgerFilter) => owedLines(knex, filter, true)

/**
 * Locks the approved commissions in no payout that a batch would pay (see
 * payableLines) and returns their ids: the first step of a batch, under the
 * commission lock discipline (queries/commission-locks.ts).
 */
export async function lockPayableCommissions(knex: Knex, filter: LedgerFilter): Promise<string[]> {
  const rows: { id: string }[] = await applyFilter(
    payableAffiliate(knex("affiliate_commission as c"), filter)
      .select("c.id")
      .where("c.status", "approved")
      .whereNull("c.deleted_at")
      .whereRaw(NOT_IN_A_PAYOUT("commission_id", "c.id")),
    filter
  )
    .orderBy("c.id")
    .forUpdate("c")
  return rows.map((row) => row.id)
}

/**
 * Per affiliate and currency: on hold (pending commissions with their
 * adjustments), payable, in payouts not yet paid, and paid (paid payouts and
 * commissions marked paid by hand). Exact: PostgreSQL sums numerics.
 */
export function balanceRows(knex: Knex, filter: LedgerFilter) {
  const onHold = applyFilter(
    knex("affiliate_commission as c")
      .select(
        "c.affiliate_id",
        "c.currency_code",
        knex.raw("'on_hold' as kind"),
        knex.raw(
          `c.amount + coalesce((select sum(a.amount) from affiliate_commission_adjustment a
             where a.commission_id = c.id and a.deleted_at is null), 0) as amount`
        )
      )
      .where("c.status", "pending")
      .whereNull("c.deleted_at"),
    filter
  )
  const payable = knex
    .select("p.affiliate_id", "p.currency_code", knex.raw("'payable' as kind"), "p.amount")
    .from(owedLines(knex, filter).as("p"))
  const payouts = applyFilter(
    knex("affiliate_payout as c")
      .select(
        "c.affiliate_id",
        "c.currency_code",
        knex.raw("case when c.status = 'paid' then 'paid' else 'in_payout' end as kind"),
        "c.amount"
      )
      .whereIn("c.status", ACTIVE_PAYOUT_STATUSES)
      .whereNull("c.deleted_at"),
    filter
  )
  const paidByHand = applyFilter(
    knex("affiliate_commission as c")
      .select("c.affiliate_id", "c.currency_code", knex.raw("'paid' as kind"), "c.amount")
      .where("c.status", "paid")
      .whereNull("c.deleted_at")
      .whereRaw(NOT_IN_A_PAYOUT("commission_id", "c.id")),
    filter
  )
  const sumOf = (kind: string) =>
    knex.raw(`coalesce(sum(l.amount) filter (where l.kind = '${kind}'), 0) as ${kind}`)
  return knex
    .select("l.affiliate_id", "l.currency_code")
    .select(sumOf("on_hold"), sumOf("payable"), sumOf("in_payout"), sumOf("paid"))
    .from(onHold.unionAll([payable, payouts, paidByHand], true).as("l"))
    .groupBy("l.affiliate_id", "l.currency_code")
    .orderBy(["l.affiliate_id", "l.currency_code"])
}
