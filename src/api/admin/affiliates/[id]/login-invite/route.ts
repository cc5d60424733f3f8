import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { sendAffiliateLoginInviteWorkflow } from "../../../../../workflows"
import { refetchAffiliate, withPrograms } from "../../helpers"
import { retrieveAffiliateQueryConfig } from "../../query-config"

/**
 * Emails an affiliate without a login a new login invite (the earlier one
 * stops working). Answers when it expires and was sent, never the token.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: login_invite } = await sendAffiliateLoginInviteWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id },
  })
  const affiliate = await refetchAffiliate(req.params.id, req.scope, retrieveAffiliateQueryConfig.defaults)
  const [withProgram] = await withPrograms([affiliate], req.scope)
  res.json({ affiliate: withProgram, login_invite })
}
