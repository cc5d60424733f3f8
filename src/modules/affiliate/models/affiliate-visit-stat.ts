import { model } from "@medusajs/framework/utils"

/**
 * Clicks and unique visitors per affiliate, UTC day and `sub_id` (empty: no
 * tag), counted in the same transaction as each visit: what reports read,
 * and what remains when old visits are deleted.
 */
const AffiliateVisitStat = model
  .define("affiliate_visit_stat", {
    id: model.id({ prefix: "affvstat" }).primaryKey(),
    affiliate_id: model.text(),
    /** Midnight UTC of the day counted. */
    day: model.dateTime(),
    sub_id: model.text().default(""),
    visits: model.number().default(0),
    unique_visitors: model.number().default(0),
  })
  .indexes([
    { on: ["affiliate_id", "day", "sub_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["day"], where: "deleted_at IS NULL" },
  ])

export default AffiliateVisitStat
