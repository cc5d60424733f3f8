import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/** commission.customer: the buyer of the commission's order (a guest's customer record too). */
export default defineLink(
  {
    linkable: AffiliateModule.linkable.affiliateCommission,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
