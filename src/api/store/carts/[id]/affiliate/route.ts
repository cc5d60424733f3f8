import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordCartReferralWorkflow } from "../../../../../workflows"
import type { StoreSetCartAffiliateType } from "../../validators"

export const POST = async (
  req: MedusaRequest<StoreSetCartAffiliateType>,
  res: MedusaResponse
) => {
  const { result: referral } = await recordCartReferralWorkflow(req.scope).run({
    input: { cart_id: req.params.id, code: req.validatedBody.code },
  })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph(
    { entity: "cart", fields: ["id", "metadata"], filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  res.json({
    cart,
    // How long the code is honoured on this cart (the affiliate's program's window).
    referral: {
      code: referral.code,
      recorded_at: referral.recorded_at,
      window_days: referral.window_days,
      expires_at: referral.expires_at,
    },
  })
}
