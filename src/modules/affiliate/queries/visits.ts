import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { UNIQUE_VISITOR_HOURS } from "../utils/visits"

export type NewAffiliateVisit = {
  affiliate_id: string
  visitor_key: string
  landing_url: string | null
  referrer_host: string | null
  sub_id: string | null
}

export type AffiliateVisitDTO = NewAffiliateVisit & {
  id: string
  is_unique: boolean
  created_at: Date
}

const VISIT_COLUMNS = [
  "id",
  "affiliate_id",
  "visitor_key",
  "is_unique",
  "landing_url",
  "referrer_host",
  "sub_id",
  "created_at",
]

/**
 * Records a click, unique when the visitor has no unique click for the
 * affiliate in the last 24 hours (so a visitor who comes back daily counts
 * once a day). In the caller's transaction, under a lock on the (affiliate,
 * visitor) pair: two clicks at the same moment make one unique visitor.
 */
export async function recordVisit(knex: Knex, visit: NewAffiliateVisit): Promise<AffiliateVisitDTO> {
  await knex.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [
    `affiliate-visit:${visit.affiliate_id}:${visit.visitor_key}`,
  ])
  const seen = await knex("affiliate_visit")
    .first("id")
    .where({ affiliate_id: visit.affiliate_id, visitor_key: visit.visitor_key, is_unique: true })
    .whereNull("deleted_at")
    .whereRaw("created_at > now() - make_interval(hours => ?)", [UNIQUE_VISITOR_HOURS])
  const [row] = await knex("affiliate_visit")
    .insert({ id: generateEntityId(undefined, "affvisit"), ...visit, is_unique: !seen })
    .returning(VISIT_COLUMNS)
  await countVisit(knex, row)
  return row
}

/** Adds a visit to its day's counts: one statement, exact however many visits arrive at once. */
async function countVisit(knex: Knex, visit: AffiliateVisitDTO) {
  await knex.raw(
    `insert into affiliate_visit_stat (id, affiliate_id, day, sub_id, visits, unique_visitors)
     values (?, ?, date_trunc('day', ?::timestamptz at time zone 'utc') at time zone 'utc', ?, 1, ?)
     on conflict (affiliate_id, day, sub_id) where deleted_at is null
     do update set visits = affiliate_visit_stat.visits + 1,
                   unique_visitors = affiliate_visit_stat.unique_visitors + excluded.unique_visitors,
                   updated_at = now()`,
    [
      generateEntityId(undefined, "affvstat"),
      visit.affiliate_id,
      visit.created_at,
      visit.sub_id ?? "",
      visit.is_unique ? 1 : 0,
    ]
  )
}
