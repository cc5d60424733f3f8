import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { StoreGetAffiliateListParamsType } from "../../validators"
import { toStorePayout } from "../views"

/** The signed-in affiliate's payouts, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetAffiliateListParamsType>,
  res: MedusaResponse
) => {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const { limit, offset } = req.validatedQuery as StoreGetAffiliateListParamsType
  const [payouts, count] = await service.listAndCountAffiliatePayouts(
    { affiliate_id: req.auth_context.actor_id },
    {
      select: ["id", "currency_code", "amount", "status", "paid_at", "created_at"],
      order: { created_at: "DESC", id: "DESC" },
      skip: offset,
      take: limit,
    }
  )
  res.json({
    payouts: payouts.map(toStorePayout),
    count,
    offset,
    limit,
  })
}
