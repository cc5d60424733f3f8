import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

/** commission.order: the order a commission was earned on (its display id in the admin). */
export default defineLink(
  {
    linkable: AffiliateModule.linkable.affiliateCommission,
    field: "order_id",
  },
  OrderModule.linkable.order,
  { readOnly: true }
)
