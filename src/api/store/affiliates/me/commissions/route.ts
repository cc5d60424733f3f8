import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withNetAmount } from "../../../../utils/commission-net-amount"
import type { StoreGetAffiliateListParamsType } from "../../validators"

/** The signed-in affiliate's commissions, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetAffiliateListParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "affiliate_commission",
    fields: [
      "id",
      "order_id",
      "currency_code",
      "base_amount",
      "rate",
      "amount",
      "attribution",
      "status",
      "reason",
      "available_at",
      "created_at",
      "adjustments.amount",
      "adjustments.reason",
      "adjustments.created_at",
    ],
    filters: { affiliate_id: req.auth_context.actor_id },
    pagination: {
      ...req.queryConfig.pagination,
      order: { created_at: "DESC", id: "DESC" },
    },
  })
  res.json({
    commissions: data.map(withNetAmount),
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}
