import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { startAffiliateSyncRunWorkflow } from "../../../../workflows"
import { retrieveSyncRun } from "../../affiliate-sync-runs/helpers"

/**
 * Starts a full account-sync run in the background: 202 with the new run.
 * While a run is active, answers 200 with that run instead of starting another.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const { account_sync } = await service.retrieveEffectiveSettings()
  if (!account_sync.enabled) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Account sync is off: turn on account_sync.enabled in the affiliate settings first"
    )
  }
  const { result } = await startAffiliateSyncRunWorkflow(req.scope).run({
    input: { trigger: "resync" },
  })
  res
    .status(result.created ? 202 : 200)
    .json({ affiliate_sync_run: await retrieveSyncRun(result.run_id, req.scope) })
}
