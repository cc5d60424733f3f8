import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ConnectionLifetimeDTO } from "../types"
import { PROGRAM_OF_AFFILIATE_SQL } from "./programs"

/** Connections ended by one statement of the expiry: a short lock on a few rows at a time. */
export const EXPIRY_BATCH_SIZE = 1000

/**
 * Counts an order credited through a connection; under an `orders` lifetime
 * of `limit`, the order that reaches it ends the connection (`expired`). One
 * statement, so concurrent orders each count.
 */
export async function recordConnectionCredit(
  knex: Knex,
  connectionId: string,
  limit: number | null
): Promise<{ credited_orders: number; expired: boolean }> {
  const { rows } = await knex.raw(
    `update affiliate_connection
     set credited_orders = credited_orders + 1,
         ended_at = case when ?::int is not null and credited_orders + 1 >= ?::int then now() else ended_at end,
         ended_reason = case when ?::int is not null and credited_orders + 1 >= ?::int then 'expired' else ended_reason end,
         updated_at = now()
     where id = ? and ended_at is null and deleted_at is null
     returning credited_orders, ended_at`,
    [limit, limit, limit, limit, connectionId]
  )
  const [row] = rows as { credited_orders: number; ended_at: Date | null }[]
  return { credited_orders: row?.credited_orders ?? 0, expired: !!row?.ended_at }
}

/** Ends these live connections (`expired`); returns the ended ids. */
export async function expireConnections(knex: Knex, ids: string[]): Promise<string[]> {
  if (!ids.length) {
    return []
  }
  const rows: { id: string }[] = await knex("affiliate_connection")
    .update({ ended_at: knex.fn.now(), ended_reason: "expired", updated_at: knex.fn.now() })
    .whereIn("id", ids)
    .whereNull("ended_at")
    .whereNull("deleted_at")
    .returning("id")
  return rows.map((row) => row.id)
}

/**
 * Ends every live connection whose program's lifetime is over: `days`
 * after its creation, or `orders` credited through it (an affiliate
 * without a program has the default program's). Sets `ended_at` and the
 * reason `expired`, and returns the ended ids. A statement ends at most
 * `batchSize` connections, each committed on its own (skipping rows a
 * crediting holds, which the next run ends), so a store's first run never
 * locks many rows for long.
 */
export async function expireLapsedConnections(knex: Knex, batchSize: number): Promise<string[]> {
  const ended: string[] = []
  for (;;) {
    const { rows }: { rows: { id: string }[] } = await knex.raw(
      `update affiliate_connection
       set ended_at = now(), ended_reason = 'expired', updated_at = now()
       where id in (
         select c.id
         from affiliate_connection c
         join affiliate a on a.id = c.affiliate_id
         ${PROGRAM_OF_AFFILIATE_SQL}
         where c.ended_at is null and c.deleted_at is null
           and (
             (p.connection_lifetime = 'days'
               and c.created_at + make_interval(days => p.connection_lifetime_value) <= now())
             or (p.connection_lifetime = 'orders'
               and c.credited_orders >= p.connection_lifetime_value))
         limit :batchSize
         for update of c skip locked)
       and ended_at is null and deleted_at is null
       returning id`,
      { batchSize }
    )
    ended.push(...rows.map((row) => row.id))
    if (rows.length < batchSize) {
      return ended
    }
  }
}

/** Re-opens expired connections, except one whose customer has been connected again since. */
export async function reopenExpiredConnections(knex: Knex, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  await knex.raw(
    `update affiliate_connection c
     set ended_at = null, ended_reason = null, updated_at = now()
     where c.id = any(?::text[]) and c.ended_reason = 'expired' and c.deleted_at is null
       and not exists (
         select 1 from affiliate_connection o
         where o.customer_id = c.customer_id and o.ended_at is null and o.deleted_at is null)`,
    [ids]
  )
}

/**
 * The connection lifetime of each affiliate's program (or the default
 * program), by affiliate id: one query for a page of affiliates.
 */
export async function listConnectionLifetimes(
  knex: Knex,
  affiliateIds: string[]
): Promise<Record<string, ConnectionLifetimeDTO>> {
  const ids = [...new Set(affiliateIds)]
  if (!ids.length) {
    return {}
  }
  const { rows }: { rows: ({ affiliate_id: string } & ConnectionLifetimeDTO)[] } = await knex.raw(
    `select a.id as affiliate_id, p.connection_lifetime, p.connection_lifetime_value
     from affiliate a
     ${PROGRAM_OF_AFFILIATE_SQL}
     where a.id = any(?::text[])`,
    [ids]
  )
  return Object.fromEntries(
    rows.map(({ affiliate_id, connection_lifetime, connection_lifetime_value }) => [
      affiliate_id,
      { connection_lifetime, connection_lifetime_value },
    ])
  )
}

/** How many customers each affiliate has connected now (absent: none). */
export async function countActiveConnections(
  knex: Knex,
  affiliateIds: string[]
): Promise<Record<string, number>> {
  if (!affiliateIds.length) {
    return {}
  }
  const rows: { affiliate_id: string; count: string }[] = await knex("affiliate_connection")
    .select("affiliate_id")
    .count({ count: "*" })
    .whereIn("affiliate_id", affiliateIds)
    .whereNull("ended_at")
    .whereNull("deleted_at")
    .groupBy("affiliate_id")
  return Object.fromEntries(rows.map((row) => [row.affiliate_id, Number(row.count)]))
}
