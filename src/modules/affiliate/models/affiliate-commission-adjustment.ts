import { model } from "@medusajs/framework/utils"
import AffiliateCommission from "./affiliate-commission"

/** The reference of the one cancellation adjustment a commission can get. */
export const ORDER_CANCELED_REFERENCE = "order_canceled"

/**
 * A correction of a commission (a negative amount for a refund or a
 * cancellation after payout). `reference` (the refund's id) makes each one
 * happen once however often its event is delivered.
 */
const AffiliateCommissionAdjustment = model
  .define("affiliate_commission_adjustment", {
    id: model.id({ prefix: "affadj" }).primaryKey(),
    commission: model.belongsTo(() => AffiliateCommission, {
      mappedBy: "adjustments",
    }),
    amount: model.bigNumber(),
    reason: model.enum(["refund", "order_canceled"]),
    reference: model.text(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      on: ["commission_id", "reference"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default AffiliateCommissionAdjustment
