import type AffiliateModuleService from "../../../modules/affiliate/service"
import { plainText } from "../../utils/email-notifications"

export async function findAffiliate(service: AffiliateModuleService, id: string) {
  const [affiliate] = await service.listAffiliates(
    { id },
    { select: ["id", "name", "email", "code", "status"], take: 1 }
  )
  return affiliate
}

/** The affiliate as every notice shows it. */
export function affiliateData(affiliate: { id: string; name: string; code: string }) {
  return { id: affiliate.id, name: plainText(affiliate.name), code: affiliate.code }
}
