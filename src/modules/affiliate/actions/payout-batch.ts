import { MedusaError } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../service"
import { lockPayableCommissions, payableLines } from "../queries/payout-ledger"
import type { CreatePayoutBatchDTO } from "../types"
import { groupPayableLines } from "../utils/payout-batch"
import { knexOf, type SharedContext } from "./shared-context"

/**
 * A batch with one draft payout per affiliate and currency whose payable
 * balance reaches the currency's minimum (and is above zero), of affiliates
 * with a payout method unless the input includes the others, holding
 * exactly the lines it pays. All in the service's transaction; the unique
 * indexes on the items refuse a line another payout holds, whatever runs
 * concurrently.
 */
export async function createPayoutBatch(
  service: AffiliateModuleService,
  input: CreatePayoutBatchDTO,
  sharedContext: SharedContext
): Promise<{ batch_id: string; payout_ids: string[] }> {
  const knex = knexOf(sharedContext)
  // The commissions it pays are locked first: a rejection, a payment by
  // hand, a reassignment or a cancellation waits for the batch, or the
  // batch for it (and then leaves the commission out).
  const locked = new Set(await lockPayableCommissions(knex, input))
  const grouped = groupPayableLines(await payableLines(knex, input), locked, input.minimum_payouts)

  // Where to pay is frozen on the payout: read in this transaction, after
  // the lines. An affiliate who removed their method in between is left
  // out like one who never had one.
  const affiliates = await service.listAffiliates(
    { id: [...new Set(grouped.map(({ group }) => group[0].affiliate_id))] },
    { select: ["id", "payout_method", "payout_details"] },
    sharedContext
  )
  const destination = new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
  const payable = grouped.filter(
    ({ group }) => input.include_without_payout_method || destination.get(group[0].affiliate_id)?.payout_method
  )
  if (!payable.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      input.include_without_payout_method
        ? "Nothing to pay: no affiliate has a payable balance of at least the minimum payout"
        : "Nothing to pay: no affiliate with a payout method has a payable balance of at " +
            "least the minimum payout (include_without_payout_method adds the others)"
    )
  }
  const batch = await service.createAffiliatePayoutBatches(
    { created_by: input.created_by ?? null },
    sharedContext
  )
  const payouts = await service.createAffiliatePayouts(
    payable.map(({ group, total }) => ({
      batch_id: batch.id,
      affiliate_id: group[0].affiliate_id,
      currency_code: group[0].currency_code,
      amount: total.toNumber(),
      payout_method: destination.get(group[0].affiliate_id)?.payout_method ?? null,
      payout_details: destination.get(group[0].affiliate_id)?.payout_details ?? null,
    })),
    sharedContext
  )
  await service.createAffiliatePayoutItems(
    payable.flatMap(({ group }, index) =>
      group.map((line) => ({
        payout_id: payouts[index].id,
        commission_id: line.commission_id,
        adjustment_id: line.adjustment_id,
        amount: Number(line.amount),
      }))
    ),
    sharedContext
  )
  return { batch_id: batch.id, payout_ids: payouts.map((payout) => payout.id) }
}
