import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AdminGetAffiliateBalancesParamsType } from "../affiliate-payouts/validators"

/**
 * What each affiliate is owed, per currency: on hold, payable now, in
 * payouts not yet paid, and paid. Ordered by affiliate, then currency.
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
    { select: ["id", "name", "email", "code", "payout_method"], withDeleted: true }
  )
  const byId = new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
  res.json({
    affiliate_balances: balances.map((balance) => ({
      ...balance,
      affiliate: byId.get(balance.affiliate_id) ?? null,
    })),
    count,
    offset,
    limit,
  })
}
