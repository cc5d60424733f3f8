import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/** affiliate.customer: the affiliate's store customer account, set by account sync. */
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliate, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
