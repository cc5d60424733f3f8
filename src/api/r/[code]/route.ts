import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { shortLinkTarget } from "../../../modules/affiliate/utils/links"
import { normalizeCode } from "../../../modules/affiliate/utils/normalize"
import { countAsFailure } from "../../utils/rate-limit"
import { recordVisit } from "../../utils/record-visit"
import { ShortLinkParams } from "./validators"

/**
 * A short link an affiliate shares anywhere: `/r/CODE?to=/products/shirt&sub_id=reel-42`.
 * Records the click as POST /store/affiliate-visits does and redirects to
 * the storefront page with `ref` and `visit_id` (see shortLinkTarget). An
 * unknown or malformed code redirects to the storefront's root with nothing
 * recorded (and counts as a failed guess for the rate limit).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const { storefrontUrl } = await service.retrieveOptions()
  if (!storefrontUrl) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "Short links need the storefront's address: set the plugin's storefrontUrl option"
    )
  }
  res.setHeader("Cache-Control", "no-store")
  const parsed = ShortLinkParams.safeParse({ code: req.params.code, to: req.query.to, sub_id: req.query.sub_id })
  if (!parsed.success) {
    countAsFailure(res)
    return res.redirect(302, shortLinkTarget(storefrontUrl, undefined, null))
  }
  const { to, sub_id } = parsed.data
  const code = normalizeCode(parsed.data.code)
  const page = shortLinkTarget(storefrontUrl, to, { code, visit_id: null })
  try {
    const visit = await recordVisit(req, { code, landing_url: page, referrer: req.get("referer"), sub_id })
    const referral = { code: visit?.code ?? code, visit_id: visit?.id ?? null }
    return res.redirect(302, shortLinkTarget(storefrontUrl, to, referral))
  } catch (error) {
    if (!MedusaError.isMedusaError(error) || error.type !== MedusaError.Types.INVALID_DATA) {
      throw error
    }
    countAsFailure(res)
    return res.redirect(302, shortLinkTarget(storefrontUrl, undefined, null))
  }
}
