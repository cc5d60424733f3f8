import { AffiliateEvents } from "../../../modules/affiliate/events"
import { commissionMessages } from "./commission-data"
import { defineAffiliateNotice } from "./types"

/**
 * To the affiliate when a commission is marked paid. Its event also reports
 * approvals and rejections: only a commission that is paid now is news.
 */
export const commissionPaidNotice = defineAffiliateNotice({
  id: "commission_paid",
  optionKey: "commissionPaid",
  defaultTemplate: "affiliate-commission-paid",
  event: AffiliateEvents.COMMISSION_UPDATED,
  resourceType: "affiliate_commission",
  buildMessages: ({ service }, id) =>
    commissionMessages(
      service,
      id,
      (commission) => commission.status === "paid",
      (amount, name) => ({
        subject: `Your commission of ${amount} was paid`,
        lines: [`Hi ${name},`, `The store has paid you your commission of ${amount}.`],
      })
    ),
})
