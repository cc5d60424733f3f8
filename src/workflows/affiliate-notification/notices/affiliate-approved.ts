import { AffiliateEvents } from "../../../modules/affiliate/events"
import { affiliateData, findAffiliate } from "./affiliate-data"
import { emailContent } from "./email-content"
import { defineAffiliateNotice } from "./types"
import { referralLink } from "../../../modules/affiliate/utils/links"

/** To the affiliate when approved, with their referral link. */
export const affiliateApprovedNotice = defineAffiliateNotice({
  id: "affiliate_approved",
  optionKey: "affiliateApproved",
  defaultTemplate: "affiliate-approved",
  event: AffiliateEvents.APPROVED,
  resourceType: "affiliate",
  buildMessages: async ({ service, links }, id) => {
    const affiliate = await findAffiliate(service, id)
    // Blocked again (or deleted) before the event was handled: the news is stale.
    if (affiliate?.status !== "approved") {
      return []
    }
    const data = {
      affiliate: affiliateData(affiliate),
      referral_link: referralLink(links.storefrontUrl, affiliate.code),
      referral_query: `ref=${affiliate.code}`,
    }
    return [
      {
        to: affiliate.email,
        receiver_id: affiliate.id,
        data,
        content: emailContent("You're approved as an affiliate", [
          `Hi ${data.affiliate.name},`,
          `Your affiliate account is approved. Your referral code is ${affiliate.code}.`,
          data.referral_link
            ? "Share your referral link: every order placed through it earns you a commission."
            : `Add ${data.referral_query} to any link to the store: every order placed through it earns you a commission.`,
          { link: data.referral_link, label: "Your referral link" },
        ]),
      },
    ]
  },
})
