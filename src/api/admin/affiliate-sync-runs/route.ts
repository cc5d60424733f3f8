import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listSyncRuns } from "./helpers"
import type { AdminGetAffiliateSyncRunsParamsType } from "./validators"

/** Account-sync runs, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateSyncRunsParamsType>,
  res: MedusaResponse
) => {
  const { limit, offset } = req.validatedQuery as AdminGetAffiliateSyncRunsParamsType
  const { affiliate_sync_runs, count } = await listSyncRuns(req.scope, {
    skip: offset,
    take: limit,
  })
  res.json({ affiliate_sync_runs, count, offset, limit })
}
