import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { updateAffiliateSettingsWorkflow } from "../../../workflows"
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
  res.json({ affiliate_settings: result })
}
