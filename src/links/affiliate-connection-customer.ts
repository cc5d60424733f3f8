import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/** connection.customer: the store customer a connection is for. */
export default defineLink(
  {
    linkable: AffiliateModule.linkable.affiliateConnection,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
