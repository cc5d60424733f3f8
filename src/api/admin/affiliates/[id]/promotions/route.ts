import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assignAffiliatePromotionsWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/answer-conflicts"
import type { AdminAssignAffiliatePromotionsType } from "../../validators"

const PROMOTION_FIELDS = ["id", "promotion_id", "code", "created_at"]

async function listAssigned(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: affiliate_promotions } = await query.graph({
    entity: "affiliate_promotion",
    fields: PROMOTION_FIELDS,
    filters: { affiliate_id: req.params.id },
  })
  res.json({ affiliate_promotions })
}

export const GET = listAssigned

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAssignAffiliatePromotionsType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    assignAffiliatePromotionsWorkflow(req.scope).run({
      input: { affiliate_id: req.params.id, codes: req.validatedBody.codes },
    })
  )
  if (run) {
    await listAssigned(req, res)
  }
}
