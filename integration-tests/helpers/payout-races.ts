import type { AxiosInstance } from "axios"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import type { AdminHeaders } from "./admin"

/** Every change of a commission's money that can race a payout batch. */
export const raceKinds = ["reject", "mark_paid", "reassign", "cancel", "refund"] as const
export type RaceKind = (typeof raceKinds)[number]

/** Runs SQL with `$1`-style parameters and returns its rows. */
export type RunSql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

/** RunSql over the test runner's knex connection (which takes `?` placeholders). */
export function sqlOverKnex(dbConnection: {
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}): RunSql {
  return async (text, params = []) => {
    const bindings: unknown[] = []
    const positional = text.replace(/\$(\d+)/g, (_, n: string) => {
      bindings.push(params[Number(n) - 1])
      return "?"
    })
    return (await dbConnection.raw(positional, bindings)).rows
  }
}

/** `count` approved commissions of 4.00 EUR on orders of their own (no real order needed). */
export async function seedApprovedCommissions(
  service: AffiliateModuleService,
  affiliateId: string,
  count: number,
  tag: string
) {
  return await service.createAffiliateCommissions(
    Array.from({ length: count }, (_, i) => ({
      affiliate_id: affiliateId,
      order_id: `order_race_${tag}_${i}`,
      customer_id: null,
      currency_code: "eur",
      base_amount: 40,
      rate: 10,
      amount: 4,
      attribution: "link" as const,
      status: "approved" as const,
    }))
  )
}

const cents = (value: unknown) => Math.round(Number(value ?? 0) * 100)

/**
 * The invariants of money paid once, read from the database:
 * - no commission that is not approved is held by a payout still to pay,
 *   nor one not paid by a paid payout, and no line is held twice;
 * - a payout's amount is the sum of its lines, each its commission's or
 *   adjustment's amount;
 * then every payout still to pay is marked paid through the admin API
 * (which must succeed), and for each affiliate the money paid out (paid
 * payouts and commissions marked paid by hand) plus what is still owed
 * equals the ledger's net (approved and paid commissions with their
 * adjustments), to the cent.
 */
export async function expectMoneyPaidOnce({
  api,
  admin,
  sql,
  affiliateIds,
}: {
  api: AxiosInstance
  admin: AdminHeaders
  sql: RunSql
  affiliateIds: string[]
}) {
  const wronglyHeld = await sql(`
    select i.commission_id, c.status as commission_status, p.status as payout_status
    from affiliate_payout_item i
    join affiliate_payout p on p.id = i.payout_id
    join affiliate_commission c on c.id = i.commission_id
    where i.released_at is null and i.deleted_at is null
      and ((p.status in ('draft', 'processing') and c.status <> 'approved')
        or (p.status = 'paid' and c.status <> 'paid'))`)
  expect(wronglyHeld).toEqual([])
  const heldTwice = await sql(`
    select coalesce(commission_id, adjustment_id) as line from affiliate_payout_item
    where released_at is null and deleted_at is null
    group by coalesce(commission_id, adjustment_id) having count(*) > 1`)
  expect(heldTwice).toEqual([])
  const misstated = await sql(`
    select p.id from affiliate_payout p
    left join affiliate_payout_item i on i.payout_id = p.id and i.released_at is null and i.deleted_at is null
    left join affiliate_commission c on c.id = i.commission_id
    left join affiliate_commission_adjustment a on a.id = i.adjustment_id
    where p.status in ('draft', 'processing', 'paid')
    group by p.id, p.amount
    having p.amount <> coalesce(sum(i.amount), 0)
      or coalesce(sum(i.amount), 0) <> coalesce(sum(coalesce(c.amount, a.amount)), 0)`)
  expect(misstated).toEqual([])

  const toPay = await sql(
    `select id from affiliate_payout
      where affiliate_id = any($1) and status in ('draft', 'processing') and deleted_at is null`,
    [affiliateIds]
  )
  for (const { id } of toPay) {
    const paid = await api.post(`/admin/affiliate-payouts/${id}`, { status: "paid" }, admin)
    expect(paid.data.affiliate_payout.status).toBe("paid")
  }

  for (const affiliateId of affiliateIds) {
    const [money] = await sql(
      `select
           (select coalesce(sum(amount), 0) from affiliate_payout
             where affiliate_id = $1 and status = 'paid' and deleted_at is null) as paid_out,
           (select coalesce(sum(c.amount), 0) from affiliate_commission c
             where c.affiliate_id = $1 and c.status = 'paid' and c.deleted_at is null
               and not exists (select 1 from affiliate_payout_item i where i.commission_id = c.id
                 and i.released_at is null and i.deleted_at is null)) as paid_by_hand,
           (select coalesce(sum(c.amount), 0) from affiliate_commission c
             where c.affiliate_id = $1 and c.status = 'approved' and c.deleted_at is null
               and not exists (select 1 from affiliate_payout_item i where i.commission_id = c.id
                 and i.released_at is null and i.deleted_at is null))
           + (select coalesce(sum(a.amount), 0) from affiliate_commission_adjustment a
             join affiliate_commission c on c.id = a.commission_id
             where c.affiliate_id = $1 and c.status in ('approved', 'paid') and a.deleted_at is null
               and not exists (select 1 from affiliate_payout_item i where i.adjustment_id = a.id
                 and i.released_at is null and i.deleted_at is null)) as owed,
           (select coalesce(sum(c.amount), 0) from affiliate_commission c
             where c.affiliate_id = $1 and c.status in ('approved', 'paid') and c.deleted_at is null)
           + (select coalesce(sum(a.amount), 0) from affiliate_commission_adjustment a
             join affiliate_commission c on c.id = a.commission_id
             where c.affiliate_id = $1 and c.status in ('approved', 'paid') and a.deleted_at is null) as net`,
      [affiliateId]
    )
    expect({
      affiliate_id: affiliateId,
      paid_and_owed: cents(money.paid_out) + cents(money.paid_by_hand) + cents(money.owed),
    }).toEqual({ affiliate_id: affiliateId, paid_and_owed: cents(money.net) })
  }
}
