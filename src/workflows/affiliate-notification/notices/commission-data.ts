import { MathBN } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { affiliateData, findAffiliate } from "./affiliate-data"
import { emailContent, formatEmailMoney } from "./email-content"
import type { NoticeMessage } from "./types"

async function findCommission(service: AffiliateModuleService, id: string) {
  const [commission] = await service.listAffiliateCommissions(
    { id },
    {
      select: [
        "id",
        "affiliate_id",
        "order_id",
        "currency_code",
        "base_amount",
        "rate",
        "amount",
        "attribution",
        "status",
      ],
      relations: ["adjustments"],
      take: 1,
    }
  )
  return commission
}

type NoticeCommission = NonNullable<Awaited<ReturnType<typeof findCommission>>>

/** What the email says of a commission: its subject and first lines, given its net amount formatted. */
export type CommissionWords = (netAmount: string, name: string) => { subject: string; lines: string[] }

/** The message to a commission's affiliate, when `isNews` says its state is worth telling. */
export async function commissionMessages(
  service: AffiliateModuleService,
  id: string,
  isNews: (commission: NoticeCommission) => boolean,
  words: CommissionWords
): Promise<NoticeMessage[]> {
  const commission = await findCommission(service, id)
  if (!commission || !isNews(commission)) {
    return []
  }
  const affiliate = await findAffiliate(service, commission.affiliate_id)
  if (!affiliate) {
    return []
  }
  const adjustments = commission.adjustments ?? []
  const netAmount = MathBN.add(commission.amount, ...adjustments.map((adjustment) => adjustment.amount)).toNumber()
  const { subject, lines } = words(formatEmailMoney(netAmount, commission.currency_code), affiliateData(affiliate).name)
  return [
    {
      to: affiliate.email,
      receiver_id: affiliate.id,
      content: emailContent(subject, lines),
      data: {
        affiliate: affiliateData(affiliate),
        commission: {
          id: commission.id,
          order_id: commission.order_id,
          currency_code: commission.currency_code,
          base_amount: Number(commission.base_amount),
          rate: Number(commission.rate),
          amount: Number(commission.amount),
          net_amount: netAmount,
          attribution: commission.attribution,
          status: commission.status,
        },
      },
    },
  ]
}
