import { model } from "@medusajs/framework/utils"

export const ATTRIBUTION_OUTCOMES = [
  "credited",
  "self_referral",
  "blocked_affiliate",
  "no_affiliate",
] as const

/**
 * The crediting decision for one order, recorded whatever it was, so that an
 * order is decided once and the reconciliation finds the undecided ones.
 * Orders that came by link or coupon also make their customer a referred
 * customer of the affiliate.
 */
const AffiliateOrderAttribution = model
  .define("affiliate_order_attribution", {
    id: model.id({ prefix: "affattr" }).primaryKey(),
    order_id: model.text(),
    affiliate_id: model.text().nullable(),
    // `manual`: an admin credited the order by hand.
    method: model.enum(["connection", "coupon", "link", "manual"]).nullable(),
    outcome: model.enum([...ATTRIBUTION_OUTCOMES]),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["affiliate_id", "method"], where: "deleted_at IS NULL" },
  ])

export default AffiliateOrderAttribution
