import { AffiliateEvents } from "../../../modules/affiliate/events"
import { affiliateData, findAffiliate } from "./affiliate-data"
import { defineAffiliateNotice } from "./types"

/** To the affiliate when approved, with their referral link. */
export const affiliateApprovedNotice = defineAffiliateNotice({
  id: "affiliate_approved",
  optionKey: "affiliateApproved",
  defaultTemplate: "affiliate-approved",
  event: AffiliateEvents.APPROVED,
  resourceType: "affiliate",
  buildMessages: async ({ service }, id) => {
    const affiliate = await findAffiliate(service, id)
    // Blocked again (or deleted) before the event was handled: the news is stale.
    if (affiliate?.status !== "approved") {
      return []
    }
    return [
      {
        to: affiliate.email,
        receiver_id: affiliate.id,
        data: {
          affiliate: affiliateData(affiliate),
          referral_link: await service.buildReferralLink(affiliate.code),
          referral_query: `ref=${affiliate.code}`,
        },
      },
    ]
  },
})
