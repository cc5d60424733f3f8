import { MathBN } from "@medusajs/framework/utils"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { commissionMessages } from "./commission-data"
import { defineAffiliateNotice } from "./types"

/**
 * To the affiliate when an order earns them a commission; a rejected or empty
 * one is not news, nor a bonus or deduction (no order: the admin tells them).
 */
export const commissionEarnedNotice = defineAffiliateNotice({
  id: "commission_earned",
  optionKey: "commissionEarned",
  defaultTemplate: "affiliate-commission-earned",
  event: AffiliateEvents.COMMISSION_CREATED,
  resourceType: "affiliate_commission",
  buildMessages: ({ service }, id) =>
    commissionMessages(
      service,
      id,
      (commission) =>
        commission.order_id !== null && commission.status !== "rejected" && MathBN.gt(commission.amount, 0),
      (amount, name) => ({
        subject: `You earned ${amount}`,
        lines: [
          `Hi ${name},`,
          `An order you referred earned you a commission of ${amount}. It is paid once the store approves it ` +
            "and its hold period (for returns) is over.",
        ],
      })
    ),
})
