import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordVisit } from "../../utils/record-visit"
import type { StoreCreateAffiliateVisitType } from "./validators"

/**
 * Records a click on an affiliate's link, as the storefront reports it. A
 * bot's click is answered with `affiliate_visit: null` and never counted.
 */
export const POST = async (req: MedusaRequest<StoreCreateAffiliateVisitType>, res: MedusaResponse) => {
  const visit = await recordVisit(req, req.validatedBody)
  res.json({
    affiliate_visit: visit && {
      id: visit.id,
      code: visit.code,
      is_unique: visit.is_unique,
      landing_url: visit.landing_url,
      referrer_host: visit.referrer_host,
      sub_id: visit.sub_id,
      created_at: visit.created_at,
    },
  })
}
