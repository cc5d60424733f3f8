import { model } from "@medusajs/framework/utils"

/**
 * One click on an affiliate's link (bots are never recorded). The visitor is
 * known only by a keyed hash of their address and browser, never the address
 * itself; a visitor's first click for an affiliate in 24 hours is a unique
 * visitor (`is_unique`).
 */
const AffiliateVisit = model
  .define("affiliate_visit", {
    id: model.id({ prefix: "affvisit" }).primaryKey(),
    affiliate_id: model.text(),
    visitor_key: model.text(),
    is_unique: model.boolean().default(false),
    /** Path and query of the storefront page the link led to. */
    landing_url: model.text().nullable(),
    /** The host of the page the visitor came from, nothing more of it. */
    referrer_host: model.text().nullable(),
    /** The affiliate's own tag for the channel (a post, a video). */
    sub_id: model.text().nullable(),
  })
  .indexes([
    { on: ["affiliate_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["affiliate_id", "visitor_key", "created_at"], where: "deleted_at IS NULL" },
    // The retention job's scan.
    { on: ["created_at"] },
  ])

export default AffiliateVisit
