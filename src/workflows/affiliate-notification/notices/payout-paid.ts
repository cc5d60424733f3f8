import { AffiliateEvents } from "../../../modules/affiliate/events"
import { affiliateData, findAffiliate } from "./affiliate-data"
import { emailContent, formatEmailMoney } from "./email-content"
import { defineAffiliateNotice } from "./types"

/** To the affiliate when a payout to them is marked paid: one message, not one per commission. */
export const payoutPaidNotice = defineAffiliateNotice({
  id: "payout_paid",
  optionKey: "payoutPaid",
  defaultTemplate: "affiliate-payout-paid",
  event: AffiliateEvents.PAYOUT_PAID,
  resourceType: "affiliate_payout",
  buildMessages: async ({ service }, id) => {
    const [payout] = await service.listAffiliatePayouts(
      { id },
      {
        select: ["id", "affiliate_id", "currency_code", "amount", "status", "paid_at", "provider_reference"],
        take: 1,
      }
    )
    if (payout?.status !== "paid") {
      return []
    }
    const affiliate = await findAffiliate(service, payout.affiliate_id)
    if (!affiliate) {
      return []
    }
    const amount = formatEmailMoney(Number(payout.amount), payout.currency_code)
    return [
      {
        to: affiliate.email,
        receiver_id: affiliate.id,
        content: emailContent(`Payout of ${amount} sent`, [
          `Hi ${affiliateData(affiliate).name},`,
          `The store has paid you ${amount} in affiliate commissions.` +
            (payout.provider_reference ? ` Reference: ${payout.provider_reference}.` : ""),
        ]),
        data: {
          affiliate: affiliateData(affiliate),
          payout: {
            id: payout.id,
            currency_code: payout.currency_code,
            amount: Number(payout.amount),
            paid_at: payout.paid_at,
            provider_reference: payout.provider_reference,
          },
        },
      },
    ]
  },
})
