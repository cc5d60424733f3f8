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
  return row
}
