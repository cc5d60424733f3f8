import { AffiliateEvents } from "../../../modules/affiliate/events"
import { affiliateData } from "./affiliate-data"
import { emailContent } from "./email-content"
import { defineAffiliateNotice } from "./types"

const PAYOUT_METHOD_WORDS = { paypal: "PayPal", bank_transfer: "bank transfer", other: "other" } as const

/**
 * To the affiliate when their payout method is set or changed, by them or by
 * the store: a change they did not make is how a taken-over account shows.
 * The message names the method, never the details. Each change is its own
 * message (keyed by when it was made).
 */
export const payoutMethodUpdatedNotice = defineAffiliateNotice({
  id: "payout_method_updated",
  optionKey: "payoutMethodUpdated",
  defaultTemplate: "affiliate-payout-method-updated",
  event: AffiliateEvents.PAYOUT_METHOD_UPDATED,
  resourceType: "affiliate",
  buildMessages: async ({ service }, id) => {
    const [affiliate] = await service.listAffiliates(
      { id },
      {
        select: [
          "id",
          "name",
          "email",
          "code",
          "payout_method",
          "payout_method_updated_at",
          "payout_method_updated_by",
        ],
        take: 1,
      }
    )
    if (!affiliate?.payout_method_updated_at) {
      return []
    }
    const updatedAt = new Date(affiliate.payout_method_updated_at)
    // "affiliate" when they changed it themselves, "store" when an admin did.
    const updatedBy = affiliate.payout_method_updated_by === "affiliate" ? "affiliate" : "store"
    const method = affiliate.payout_method ? PAYOUT_METHOD_WORDS[affiliate.payout_method] : "not set"
    return [
      {
        to: affiliate.email,
        receiver_id: affiliate.id,
        key: updatedAt.toISOString(),
        data: {
          affiliate: affiliateData(affiliate),
          payout_method: affiliate.payout_method,
          updated_at: updatedAt.toISOString(),
          updated_by: updatedBy,
        },
        content: emailContent("Your payout method was changed", [
          `Hi ${affiliateData(affiliate).name},`,
          `${updatedBy === "store" ? "The store" : "You"} changed how you are paid: your payout method is now ${method}.`,
          "If you did not expect this change, reply to this email or contact the store at once.",
        ]),
      },
    ]
  },
})
