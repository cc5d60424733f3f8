import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { ACTIVE_PAYOUT_STATUSES } from "../../../modules/affiliate/models/affiliate-payout"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { listPayouts } from "../affiliate-payouts/helpers"

type StoredBatch = Awaited<ReturnType<AffiliateModuleService["retrieveAffiliatePayoutBatch"]>>

type PayoutForTotals = Pick<StoredBatch["payouts"][number], "status" | "currency_code"> & {
  amount: Parameters<typeof MathBN.add>[1]
}

/** Totals per currency of the payouts that are not failed or canceled. */
function batchTotals(payouts: PayoutForTotals[]) {
  const totals = new Map<string, { currency_code: string; amount: number; payout_count: number }>()
  for (const payout of payouts) {
    if (!ACTIVE_PAYOUT_STATUSES.includes(payout.status)) {
      continue
    }
    const total = totals.get(payout.currency_code) ?? {
      currency_code: payout.currency_code,
      amount: 0,
      payout_count: 0,
    }
    total.amount = MathBN.add(total.amount, payout.amount).toNumber()
    total.payout_count += 1
    totals.set(payout.currency_code, total)
  }
  return [...totals.values()].sort((a, b) => a.currency_code.localeCompare(b.currency_code))
}

/**
 * Where a batch stands, from its payouts that are not failed or canceled:
 * `open` (none paid yet), `partially_paid`, `paid` (all of them), or
 * `canceled` (none left to pay).
 */
function batchProgress(payouts: Pick<PayoutForTotals, "status">[]) {
  const active = payouts.filter((payout) => ACTIVE_PAYOUT_STATUSES.includes(payout.status))
  const paid = active.filter((payout) => payout.status === "paid").length
  const status =
    active.length === 0
      ? "canceled"
      : paid === active.length
        ? "paid"
        : paid > 0
          ? "partially_paid"
          : "open"
  return { status, paid_count: paid, active_count: active.length }
}

const BATCH_FIELDS = [
  "id",
  "created_by",
  "created_at",
  "payouts.id",
  "payouts.status",
  "payouts.currency_code",
  "payouts.amount",
]

function formatBatch(
  batch: Pick<StoredBatch, "id" | "created_by" | "created_at">,
  payouts: PayoutForTotals[]
) {
  return {
    id: batch.id,
    created_by: batch.created_by,
    created_at: batch.created_at,
    payout_count: payouts.length,
    ...batchProgress(payouts),
    totals: batchTotals(payouts),
  }
}

export async function listPayoutBatches(
  scope: MedusaContainer,
  pagination: { skip: number; take: number }
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const [batches, count] = await service.listAndCountAffiliatePayoutBatches(
    {},
    {
      select: BATCH_FIELDS,
      relations: ["payouts"],
      order: { created_at: "DESC", id: "DESC" },
      ...pagination,
    }
  )
  return {
    affiliate_payout_batches: batches.map((batch) => formatBatch(batch, batch.payouts)),
    count,
  }
}

/** A batch with its totals and every one of its payouts. */
export async function retrievePayoutBatch(scope: MedusaContainer, id: string) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  // Throws Medusa's not-found error (a 404) for an unknown id.
  const batch = await service.retrieveAffiliatePayoutBatch(id, {
    select: ["id", "created_by", "created_at"],
  })
  // The payouts are read once, with their affiliates: the totals come from them too.
  const { affiliate_payouts } = await listPayouts(scope, { batch_id: [id] }, { skip: 0 })
  return { ...formatBatch(batch, affiliate_payouts), payouts: affiliate_payouts }
}
