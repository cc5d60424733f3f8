import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/** customer.affiliate_connections: a customer's connections, ended ones included. */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  {
    ...AffiliateModule.linkable.affiliateConnection.id,
    primaryKey: "customer_id",
  },
  { readOnly: true, isList: true }
)
