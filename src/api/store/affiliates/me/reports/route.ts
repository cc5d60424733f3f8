import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { StoreGetAffiliateReportParamsType } from "../../validators"

/**
 * The signed-in affiliate's own figures, as the admin's report has them
 * for one affiliate, with their clicks per `sub_id`: counts and money
 * only, nothing of a buyer.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetAffiliateReportParamsType>,
  res: MedusaResponse
) => {
  const { from, until, interval, currency_code } = req.validatedQuery as StoreGetAffiliateReportParamsType
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const report = await service.reportProgram({
    from,
    until,
    interval,
    currency_code,
    affiliate_ids: [req.auth_context.actor_id],
    include_sub_ids: true,
  })
  res.json(report)
}
