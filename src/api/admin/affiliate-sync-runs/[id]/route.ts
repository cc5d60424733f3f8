import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { retrieveSyncRun } from "../helpers"

/** A run's progress and counts: poll it until `status` is no longer `running`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate_sync_run: await retrieveSyncRun(req.params.id, req.scope) })
}
