import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { AdminGetAffiliateLeaderboardParamsType } from "../validators"

/**
 * The leaderboard: each affiliate with clicks or credited orders in the
 * range, with the report's figures, best first by `order` (money orders in
 * `currency_code`).
 */
export const GET = async (
  req: MedusaRequest<unknown, AdminGetAffiliateLeaderboardParamsType>,
  res: MedusaResponse
) => {
  const { from, until, affiliate_id, program_id, currency_code, order, limit, offset } =
    req.validatedQuery as AdminGetAffiliateLeaderboardParamsType
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const [affiliates, count] = await service.listReportLeaderboard({
    from,
    until,
    affiliate_ids: affiliate_id ? [affiliate_id] : undefined,
    program_id,
    currency_code,
    order,
    skip: offset,
    take: limit,
  })
  res.json({ affiliates, count, limit, offset })
}
