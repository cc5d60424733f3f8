import { model } from "@medusajs/framework/utils"
import AffiliatePayout from "./affiliate-payout"

/** One run of "pay what is owed": a payout per affiliate and currency. */
const AffiliatePayoutBatch = model.define("affiliate_payout_batch", {
  id: model.id({ prefix: "affpb" }).primaryKey(),
  // The admin user who created it.
  created_by: model.text().nullable(),
  payouts: model.hasMany(() => AffiliatePayout, { mappedBy: "batch" }),
  metadata: model.json().nullable(),
})

export default AffiliatePayoutBatch
