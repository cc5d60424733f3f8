import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { syncAffiliateAccountsWorkflow } from "../../../../../workflows"

/**
 * Syncs one affiliate's store customer account now, with the tags in the
 * settings, whether or not automatic sync is on.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const { account_sync } = await service.retrieveEffectiveSettings()
  const {
    result: [affiliate_account_sync],
  } = await syncAffiliateAccountsWorkflow(req.scope).run({
    input: { affiliate_ids: [req.params.id], tags: account_sync.tags },
  })
  res.json({ affiliate_account_sync })
}
