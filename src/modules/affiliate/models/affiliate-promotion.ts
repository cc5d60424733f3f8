import { model } from "@medusajs/framework/utils"
import Affiliate from "./affiliate"

/** A Medusa promotion (coupon) assigned to an affiliate: orders using it are theirs. */
const AffiliatePromotion = model
  .define("affiliate_promotion", {
    id: model.id({ prefix: "affpromo" }).primaryKey(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "promotions" }),
    promotion_id: model.text(),
    code: model.text(),
  })
  .indexes([
    // A promotion belongs to at most one affiliate.
    { on: ["promotion_id"], unique: true, where: "deleted_at IS NULL" },
  ])

export default AffiliatePromotion
