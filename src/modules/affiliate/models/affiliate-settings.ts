import { model } from "@medusajs/framework/utils"

/**
 * The store's affiliate program settings: a single row, created on the first
 * save. Until then the defaults (and the plugin's `defaultCommissionRate`) apply.
 */
const AffiliateSettings = model.define("affiliate_settings", {
  id: model.id({ prefix: "affset" }).primaryKey(),
  // Null means "use the plugin option `defaultCommissionRate`".
  default_commission_rate: model.bigNumber().nullable(),
  // Approve affiliates who sign up in the store without review.
  auto_approve: model.boolean().default(false),
  // Create commissions as approved instead of pending.
  auto_approve_commissions: model.boolean().default(false),
  auto_connect: model.boolean().default(true),
  attribution_order: model.array().nullable(),
  // Register approved affiliates as store customers, in these customer groups.
  account_sync_enabled: model.boolean().default(false),
  account_sync_tags: model.array().nullable(),
  // Days a new commission is held (the return window) before it can be approved.
  hold_days: model.number().default(0),
  // The smallest payout per currency, in major units: { "usd": 50 }.
  minimum_payouts: model.json().nullable(),
})

export default AffiliateSettings
