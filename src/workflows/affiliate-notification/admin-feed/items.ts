import { formatEmailMoney } from "../notices/email-content"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { plainText } from "../../utils/email-notifications"

/** What the admin's bell shows of one event: Medusa's dashboard reads `title` and `description`. */
export type AdminFeedEntry = { title: string; description: string }

type AdminFeedItem = {
  /** The event it answers: the notification's `trigger_type`. */
  event: string
  /** What the id it is given names: the notification's `resource_type`. */
  resourceType: string
  /** The entry, or null when the state it reports is not (or no longer) true. */
  build: (service: AffiliateModuleService, id: string) => Promise<AdminFeedEntry | null>
}

/**
 * What the plugin puts in the admin's notification bell: news a store owner
 * acts on. One entry per event, however often it is delivered.
 */
export const ADMIN_FEED_ITEMS = {
  affiliate_signed_up: {
    event: AffiliateEvents.SIGNED_UP,
    resourceType: "affiliate",
    build: async (service, id) => {
      const [affiliate] = await service.listAffiliates(
        { id },
        { select: ["id", "name", "email", "code", "status"], take: 1 }
      )
      if (!affiliate) {
        return null
      }
      return {
        title: "New affiliate sign-up",
        description:
          `${plainText(affiliate.name)} (${affiliate.email}) signed up with the code ${affiliate.code}` +
          (affiliate.status === "pending" ? ": waiting for your approval." : "."),
      }
    },
  },
  payout_failed: {
    event: AffiliateEvents.PAYOUT_FAILED,
    resourceType: "affiliate_payout",
    build: async (service, id) => {
      const [payout] = await service.listAffiliatePayouts(
        { id },
        { select: ["id", "affiliate_id", "amount", "currency_code", "status", "reason"], take: 1 }
      )
      if (payout?.status !== "failed") {
        return null
      }
      const [affiliate] = await service.listAffiliates(
        { id: payout.affiliate_id },
        { select: ["id", "name"], take: 1, withDeleted: true }
      )
      return {
        title: "Affiliate payout failed",
        description:
          `The payout of ${formatEmailMoney(Number(payout.amount), payout.currency_code)} to ` +
          `${affiliate ? plainText(affiliate.name) : "a deleted affiliate"} failed` +
          (payout.reason ? `: ${plainText(payout.reason, 300)}` : "") +
          ". Its commissions are payable again in the next batch.",
      }
    },
  },
} satisfies Record<string, AdminFeedItem>

export type AdminFeedItemId = keyof typeof ADMIN_FEED_ITEMS
