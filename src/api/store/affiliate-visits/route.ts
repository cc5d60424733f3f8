import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isbot } from "isbot"
import { landingPath, referrerHost } from "../../../modules/affiliate/utils/visits"
import { recordAffiliateVisitWorkflow } from "../../../workflows"
import { visitorKeyOf } from "../../../workflows/utils/store-keys"
import type { StoreCreateAffiliateVisitType } from "./validators"

/**
 * Records a click on an affiliate's link. The visitor is the client address
 * Express reads (behind Medusa's one trusted proxy, the address that proxy
 * saw) with the User-Agent, kept only as a keyed hash. A bot's click is
 * answered with `affiliate_visit: null` and never counted.
 */
export const POST = async (req: MedusaRequest<StoreCreateAffiliateVisitType>, res: MedusaResponse) => {
  const userAgent = req.get("user-agent") ?? ""
  const { code, landing_url, referrer, sub_id } = req.validatedBody
  const { result: visit } = await recordAffiliateVisitWorkflow(req.scope).run({
    input: {
      code,
      visitor_key: visitorKeyOf(req.scope, req.ip ?? "unknown", userAgent),
      is_bot: isbot(userAgent),
      landing_url: landingPath(landing_url),
      referrer_host: referrerHost(referrer),
      sub_id: sub_id || null,
    },
  })
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
