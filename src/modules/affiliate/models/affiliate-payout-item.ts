import { model } from "@medusajs/framework/utils"
import AffiliatePayout from "./affiliate-payout"

/**
 * One line of a payout: an approved commission, or an adjustment (a refund
 * after payment is negative and is deducted here). A commission or an
 * adjustment is in at most one payout that was not failed or canceled: the
 * partial unique indexes make that hold under any concurrency.
 */
const AffiliatePayoutItem = model
  .define("affiliate_payout_item", {
    id: model.id({ prefix: "affpoi" }).primaryKey(),
    payout: model.belongsTo(() => AffiliatePayout, { mappedBy: "items" }),
    commission_id: model.text().nullable(),
    adjustment_id: model.text().nullable(),
    amount: model.bigNumber(),
    // Set when its payout failed or was canceled: the line is free to be paid again.
    released_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["commission_id"],
      unique: true,
      where: "deleted_at IS NULL AND released_at IS NULL AND commission_id IS NOT NULL",
    },
    {
      on: ["adjustment_id"],
      unique: true,
      where: "deleted_at IS NULL AND released_at IS NULL AND adjustment_id IS NOT NULL",
    },
    { on: ["payout_id"], where: "deleted_at IS NULL" },
  ])

export default AffiliatePayoutItem
