import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AdminGetAffiliateReportParamsType } from "./validators"

/**
 * Clicks, unique visitors, orders by attribution, conversion, revenue and
 * commission per currency, per interval (`series`, every interval of the
 * range, empty ones included) and in total (`totals`, the sum of the series).
 */
export const GET = async (req: MedusaRequest<unknown, AdminGetAffiliateReportParamsType>, res: MedusaResponse) => {
  const { from, until, interval, affiliate_id, program_id, currency_code } =
    req.validatedQuery as AdminGetAffiliateReportParamsType
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const report = await service.reportProgram({
    from,
    until,
    interval,
    affiliate_ids: affiliate_id ? [affiliate_id] : undefined,
    program_id,
    currency_code,
  })
  res.json(report)
}
