import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { setAffiliatePayoutMethodWorkflow } from "../../../../../workflows"
import { refetchAffiliate, withPrograms } from "../../helpers"
import { retrieveAffiliateQueryConfig } from "../../query-config"
import type { AdminSetAffiliatePayoutMethodType } from "../../validators"

/**
 * Sets how an affiliate is paid, on their behalf: recorded as set by this
 * admin user, and the affiliate is told (`affiliate.payout_method_updated`).
 * Payouts already in a batch keep the details they were made with.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetAffiliatePayoutMethodType>,
  res: MedusaResponse
) => {
  await setAffiliatePayoutMethodWorkflow(req.scope).run({
    input: {
      affiliate_id: req.params.id,
      ...req.validatedBody,
      updated_by: req.auth_context.actor_id,
    },
  })
  const affiliate = await refetchAffiliate(req.params.id, req.scope, retrieveAffiliateQueryConfig.defaults)
  const [withProgram] = await withPrograms([affiliate], req.scope)
  res.json({ affiliate: withProgram })
}
