import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { referralLink } from "../../../modules/affiliate/utils/links"

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
      "website",
      "payout_method",
      "payout_details",
      "program_id",
      "created_at",
    ],
  })
  const [settings, program, totals, [balances]] = await Promise.all([
    service.retrieveEffectiveSettings(),
    service.retrieveEffectiveProgram(affiliate.program_id),
    service.summarizeCommissions([affiliateId]),
    service.listAndCountAffiliateBalances({ affiliate_ids: [affiliateId] }, { take: 100 }),
  ])
  const programRate = program.commission_rate == null ? settings.default_commission_rate : Number(program.commission_rate)
  return {
    id: affiliate.id,
    name: affiliate.name,
    email: affiliate.email,
    code: affiliate.code,
    status: affiliate.status,
    website: affiliate.website,
    payout_method: affiliate.payout_method,
    payout_details: affiliate.payout_details,
    created_at: affiliate.created_at,
    // What lines without a rule earn: their own rate, else their program's.
    commission_rate: affiliate.commission_rate == null ? programRate : Number(affiliate.commission_rate),
    // The terms an affiliate is told (the rules per product stay the store's).
    program: {
      name: program.name,
      commission_type: program.commission_type,
      commission_amounts: program.commission_amounts,
      connection_lifetime: program.connection_lifetime,
      connection_lifetime_value: program.connection_lifetime_value,
      referral_window_days: program.referral_window_days,
    },
    referral_link: referralLink((await service.retrieveOptions()).storefrontUrl, affiliate.code),
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

/**
 * Keeps a blocked affiliate's dashboard read-only: every write under
 * `/store/affiliates/me` answers 403 before it runs, so a blocked account
 * cannot, say, redirect its pending payouts to another PayPal address.
 */
export async function refuseBlockedAffiliateWrites(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const affiliate = await service.retrieveAffiliate(req.auth_context.actor_id, { select: ["status"] })
  if (affiliate.status === "blocked") {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Your affiliate account is blocked: your dashboard is read-only. Contact the store to have it reviewed."
    )
  }
  next()
}
