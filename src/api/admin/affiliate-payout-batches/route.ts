import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminGetAffiliatePayoutBatchesParamsType } from "../affiliate-payouts/validators"
import { listPayoutBatches } from "./helpers"

/** Payout batches, newest first, with their totals per currency. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatePayoutBatchesParamsType>,
  res: MedusaResponse
) => {
  const { limit, offset } = req.validatedQuery as AdminGetAffiliatePayoutBatchesParamsType
  const { affiliate_payout_batches, count } = await listPayoutBatches(req.scope, {
    skip: offset,
    take: limit,
  })
  res.json({ affiliate_payout_batches, count, offset, limit })
}
