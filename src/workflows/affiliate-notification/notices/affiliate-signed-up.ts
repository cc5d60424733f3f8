import { Modules } from "@medusajs/framework/utils"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { affiliateData, findAffiliate } from "./affiliate-data"
import { emailContent } from "./email-content"
import { defineAffiliateNotice } from "./types"

/** At most this many admin users get the sign-up notice when no owner email is set. */
const MAX_ADMIN_RECIPIENTS = 50

/** The receiver of the sign-up notice sent to the `storeOwnerEmail` option. */
const STORE_OWNER = "store_owner"

/** To the store owner (or every admin user) when someone signs up as an affiliate. */
export const affiliateSignedUpNotice = defineAffiliateNotice({
  id: "affiliate_signed_up",
  optionKey: "affiliateSignedUp",
  defaultTemplate: "affiliate-signed-up",
  event: AffiliateEvents.SIGNED_UP,
  resourceType: "affiliate",
  buildMessages: async ({ container, service, storeOwnerEmail }, id) => {
    const affiliate = await findAffiliate(service, id)
    if (!affiliate) {
      return []
    }
    const data = {
      affiliate: {
        ...affiliateData(affiliate),
        email: affiliate.email,
        status: affiliate.status,
      },
    }
    const content = emailContent(`New affiliate sign-up: ${data.affiliate.name}`, [
      `${data.affiliate.name} (${affiliate.email}) signed up as an affiliate with the code ${affiliate.code}.`,
      affiliate.status === "pending"
        ? "They wait for your approval under Affiliates in the admin."
        : `Their status is ${affiliate.status}.`,
    ])
    if (storeOwnerEmail) {
      return [{ to: storeOwnerEmail, receiver_id: STORE_OWNER, data, content }]
    }
    const users = await container
      .resolve(Modules.USER)
      .listUsers({}, { select: ["id", "email"], take: MAX_ADMIN_RECIPIENTS, order: { created_at: "ASC" } })
    return users.map((user) => ({ to: user.email, receiver_id: user.id, data, content }))
  },
})
