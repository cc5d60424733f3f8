import { AffiliateEvents } from "../../../modules/affiliate/events"
import { affiliateData } from "./affiliate-data"
import { defineAffiliateNotice } from "./types"

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
    return [
      {
        to: affiliate.email,
        receiver_id: affiliate.id,
        key: updatedAt.toISOString(),
        data: {
          affiliate: affiliateData(affiliate),
          payout_method: affiliate.payout_method,
          updated_at: updatedAt.toISOString(),
          // "affiliate" when they changed it themselves, "store" when an admin did.
          updated_by: affiliate.payout_method_updated_by === "affiliate" ? "affiliate" : "store",
        },
      },
    ]
  },
})
