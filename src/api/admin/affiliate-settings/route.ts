import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { updateAffiliateSettingsWorkflow } from "../../../workflows"
import { retrieveSyncRun } from "../affiliate-sync-runs/helpers"
import type { AdminUpdateAffiliateSettingsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  res.json({ affiliate_settings: await service.retrieveEffectiveSettings() })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateSettingsType>,
  res: MedusaResponse
) => {
  const { result } = await updateAffiliateSettingsWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.json({
    affiliate_settings: result.settings,
    // The account-sync run the change started (switching sync on, new tags).
    affiliate_sync_run: result.sync_run_id
      ? await retrieveSyncRun(result.sync_run_id, req.scope)
      : null,
  })
}
