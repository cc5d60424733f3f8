import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateCommissionStatusesWorkflow } from "../../../../workflows"
import { refetchCommission } from "../helpers"
import type { AdminUpdateAffiliateCommissionType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliate_commission = await refetchCommission(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ affiliate_commission })
}

/** Approve, reject (with a reason) or mark paid. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateCommissionType>,
  res: MedusaResponse
) => {
  await updateCommissionStatusesWorkflow(req.scope).run({
    input: { ...req.validatedBody, ids: [req.params.id] },
  })
  const affiliate_commission = await refetchCommission(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  res.json({ affiliate_commission })
}
