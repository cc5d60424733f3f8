import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AffiliateCustomerRowDTO } from "../types"

/** Offsets below this are read without waiting for the count (an index range of at most this many rows). */
const SHALLOW_OFFSET = 1000

/**
 * An affiliate's customers, as SQL shared by the page and the count: live
 * connections to the affiliate, and customers the affiliate referred (by
 * link or coupon, credited) who are not connected to them, with their latest
 * referral.
 */
const AFFILIATE_CUSTOMERS_SQL = {
  connected: `
    select id, customer_id, source, created_by, created_at, credited_orders
    from affiliate_connection
    where affiliate_id = :affiliateId and ended_at is null and deleted_at is null`,
  referred: `
    select r.customer_id, max(r.created_at) as created_at
    from affiliate_order_attribution r
    where r.affiliate_id = :affiliateId and r.outcome = 'credited'
      and r.method in ('coupon', 'link') and r.customer_id is not null
      and r.deleted_at is null
      and not exists (
        select 1 from affiliate_connection c
        where c.customer_id = r.customer_id and c.affiliate_id = :affiliateId
          and c.ended_at is null and c.deleted_at is null)
    group by r.customer_id`,
}

type ConnectedRow = {
  id: string
  customer_id: string
  source: string
  created_by: string | null
  created_at: Date
  credited_orders: number
}

/** A page of connected customers, newest first; `fromEnd` reads it from the oldest end instead. */
async function readConnected(
  knex: Knex,
  affiliateId: string,
  { fromEnd, limit, offset }: { fromEnd: boolean; limit: number; offset: number }
): Promise<AffiliateCustomerRowDTO[]> {
  const { rows }: { rows: ConnectedRow[] } = await knex.raw(
    `${AFFILIATE_CUSTOMERS_SQL.connected}
     order by created_at ${fromEnd ? "asc" : "desc"}, id ${fromEnd ? "asc" : "desc"}
     limit :limit offset :offset`,
    { affiliateId, limit, offset }
  )
  const page = rows.map(({ customer_id, ...connection }) => ({ customer_id, connection }))
  return fromEnd ? page.reverse() : page
}

/** A page of referred (not connected) customers, latest referral first. */
async function readReferred(
  knex: Knex,
  affiliateId: string,
  { limit, offset }: { limit: number; offset: number }
): Promise<AffiliateCustomerRowDTO[]> {
  const { rows }: { rows: { customer_id: string }[] } = await knex.raw(
    `${AFFILIATE_CUSTOMERS_SQL.referred}
     order by max(r.created_at) desc, r.customer_id desc
     limit :limit offset :offset`,
    { affiliateId, limit, offset }
  )
  return rows.map(({ customer_id }) => ({ customer_id, connection: null }))
}

/**
 * A page of an affiliate's customers and their number, in a fixed number of
 * queries whatever the number: connected customers first, newest connection
 * first, then referred ones, latest referral first. Each part is read from
 * its own offset, the connections from their index on affiliate and date: a
 * shallow page beside the counts, a deep one after them (past the middle,
 * from the other end, as the admin lists do).
 */
export async function listAndCountAffiliateCustomerRows(
  knex: Knex,
  affiliateId: string,
  { skip, take }: { skip: number; take: number }
): Promise<[AffiliateCustomerRowDTO[], number]> {
  const [
    {
      rows: [counts],
    },
    shallowPage,
  ] = await Promise.all([
    knex.raw(
      `select (select count(*) from (${AFFILIATE_CUSTOMERS_SQL.connected}) connected) as connected,
              (select count(*) from (${AFFILIATE_CUSTOMERS_SQL.referred}) referred) as referred`,
      { affiliateId }
    ),
    skip < SHALLOW_OFFSET ? readConnected(knex, affiliateId, { fromEnd: false, limit: take, offset: skip }) : undefined,
  ])
  const connectedCount = Number(counts.connected)
  const count = connectedCount + Number(counts.referred)
  const left = connectedCount - skip
  const connected =
    shallowPage ??
    (left <= 0
      ? []
      : left < skip
        ? await readConnected(knex, affiliateId, {
            fromEnd: true,
            limit: Math.min(take, left),
            offset: Math.max(0, left - take),
          })
        : await readConnected(knex, affiliateId, { fromEnd: false, limit: take, offset: skip }))
  const referredLimit = take - connected.length
  const referred =
    referredLimit <= 0 || count <= connectedCount
      ? []
      : await readReferred(knex, affiliateId, {
          limit: referredLimit,
          offset: Math.max(0, skip - connectedCount),
        })
  return [[...connected, ...referred], count]
}
