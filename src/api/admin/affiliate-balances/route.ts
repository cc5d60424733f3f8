import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AdminGetAffiliateBalancesParamsType } from "../affiliate-payouts/validators"

type AffiliateForExclusion = {
  status: string
  payout_method: string | null
  deleted_at: Date | string | null
}

/**
 * Why a batch leaves an affiliate's payable balance out (it stays owed):
 * `no_payout_method` only by default (a batch may include them).
 */
function exclusionOf(affiliate: AffiliateForExclusion | undefined) {
  if (!affiliate || affiliate.deleted_at) {
    return "affiliate_deleted"
  }
  if (affiliate.status === "blocked") {
    return "affiliate_blocked"
  }
  return affiliate.payout_method ? null : "no_payout_method"
}

/**
 * What each affiliate is owed, per currency: on hold, payable now, in
 * payouts not yet paid, and paid; and why a batch would leave it out
 * (a blocked or deleted affiliate is not paid; one without a payout method
 * only when the batch asks for them). Ordered by affiliate, then
 * currency.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateBalancesParamsType>,
  res: MedusaResponse
) => {
  const { limit, offset, affiliate_id, currency_code } =
    req.validatedQuery as AdminGetAffiliateBalancesParamsType
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const [balances, count] = await service.listAndCountAffiliateBalances(
    { affiliate_ids: affiliate_id, currency_code },
    { skip: offset, take: limit }
  )
  const affiliates = await service.listAffiliates(
    { id: [...new Set(balances.map((b) => b.affiliate_id))] },
    {
      select: ["id", "name", "email", "code", "status", "payout_method", "deleted_at"],
      withDeleted: true,
    }
  )
  const byId = new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
  res.json({
    affiliate_balances: balances.map((balance) => {
      const affiliate = byId.get(balance.affiliate_id)
      return {
        ...balance,
        excluded_reason: exclusionOf(affiliate),
        affiliate: affiliate
          ? {
              id: affiliate.id,
              name: affiliate.name,
              email: affiliate.email,
              code: affiliate.code,
              status: affiliate.status,
              payout_method: affiliate.payout_method,
            }
          : null,
      }
    }),
    count,
    offset,
    limit,
  })
}
