import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * The signed-in affiliate as they see themselves: profile, effective rate,
 * referral link, commission totals, balances and payout method.
 */
export async function retrieveAffiliateProfile(scope: MedusaContainer, affiliateId: string) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const affiliate = await service.retrieveAffiliate(affiliateId, {
    select: [
      "id",
      "name",
      "email",
      "code",
      "status",
      "commission_rate",
      "payout_method",
      "payout_details",
      "created_at",
    ],
  })
  const [settings, totals, [balances]] = await Promise.all([
    service.retrieveEffectiveSettings(),
    service.summarizeCommissions([affiliateId]),
    service.listAndCountAffiliateBalances({ affiliate_ids: [affiliateId] }, { take: 100 }),
  ])
  return {
    ...affiliate,
    commission_rate:
      affiliate.commission_rate == null
        ? settings.default_commission_rate
        : Number(affiliate.commission_rate),
    referral_link: await service.buildReferralLink(affiliate.code),
    referral_query: `ref=${affiliate.code}`,
    commission_totals: totals.map(({ affiliate_id: _, ...total }) => total),
    balances: balances.map(({ affiliate_id: _, ...balance }) => balance),
  }
}

/** Shows an affiliate enough of a customer's email to recognise them, not to contact them. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) {
    return null
  }
  const [local, domain] = email.split("@")
  return `${local.slice(0, 1)}***@${domain ?? ""}`
}
