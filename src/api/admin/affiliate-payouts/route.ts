import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createPayoutBatchWorkflow } from "../../../workflows"
import { retrievePayoutBatch } from "../affiliate-payout-batches/helpers"
import { listPayouts } from "./helpers"
import type {
  AdminCreateAffiliatePayoutBatchType,
  AdminGetAffiliatePayoutsParamsType,
} from "./validators"

/** Payouts, newest first, by batch, affiliate, status or currency. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatePayoutsParamsType>,
  res: MedusaResponse
) => {
  const { limit, offset, batch_id, affiliate_id, status, currency_code } =
    req.validatedQuery as AdminGetAffiliatePayoutsParamsType
  const filters = Object.fromEntries(
    Object.entries({ batch_id, affiliate_id, status, currency_code }).filter(
      ([, values]) => values !== undefined
    )
  )
  const { affiliate_payouts, count } = await listPayouts(req.scope, filters, {
    skip: offset,
    take: limit,
  })
  res.json({ affiliate_payouts, count, offset, limit })
}

/** A payout batch from the balances: everyone owed, or the chosen affiliates. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliatePayoutBatchType>,
  res: MedusaResponse
) => {
  const { result } = await createPayoutBatchWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.json({ affiliate_payout_batch: await retrievePayoutBatch(req.scope, result.batch_id) })
}
