import type { MedusaRequest } from "@medusajs/framework/http"
import { isbot } from "isbot"
import { landingPath, referrerHost } from "../../modules/affiliate/utils/visits"
import { recordAffiliateVisitWorkflow } from "../../workflows"
import { visitorKeyOf } from "../../workflows/utils/store-keys"

type ReportedVisit = { code: string; landing_url?: string; referrer?: string; sub_id?: string }

/**
 * Records a click as a route reads it: the visitor is the client address
 * Express reads (behind Medusa's one trusted proxy, the address that proxy
 * saw) with the User-Agent, turned into a keyed hash here, so the address
 * never reaches a workflow or a row. Resolves with the visit, or null for a
 * bot; rejects an unknown, pending or blocked code (INVALID_DATA).
 */
export async function recordVisit(req: MedusaRequest, visit: ReportedVisit) {
  const userAgent = req.get("user-agent") ?? ""
  const { result } = await recordAffiliateVisitWorkflow(req.scope).run({
    input: {
      code: visit.code,
      visitor_key: visitorKeyOf(req.scope, req.ip ?? "unknown", userAgent),
      is_bot: isbot(userAgent),
      landing_url: landingPath(visit.landing_url),
      referrer_host: referrerHost(visit.referrer),
      sub_id: visit.sub_id || null,
    },
  })
  return result
}
