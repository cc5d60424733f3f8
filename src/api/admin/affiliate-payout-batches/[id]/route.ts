import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { retrievePayoutBatch } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate_payout_batch: await retrievePayoutBatch(req.scope, req.params.id) })
}
