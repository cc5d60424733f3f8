import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { importAffiliateConnectionsWorkflow } from "../../../../workflows"
import { answerConflicts } from "../../../utils/answer-conflicts"
import type { AdminImportAffiliateConnectionsType } from "../validators"
import { parseConnectionsCsv } from "./parse-connections-csv"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminImportAffiliateConnectionsType>,
  res: MedusaResponse
) => {
  const rows = parseConnectionsCsv(req.validatedBody.csv)
  const run = await answerConflicts(res, () =>
    importAffiliateConnectionsWorkflow(req.scope).run({
      input: {
        rows,
        dry_run: req.validatedBody.dry_run,
        created_by: req.auth_context.actor_id,
      },
    })
  )
  if (run) {
    res.json(run.result)
  }
}
