import { MathBN } from "@medusajs/framework/utils"

/** A line a payout batch may pay: a commission or an adjustment, with its amount as the database gives it. */
export type PayableLine = {
  affiliate_id: string
  currency_code: string
  commission_id: string | null
  adjustment_id: string | null
  commission_status: string
  owner_commission_id: string
  amount: string
}

/**
 * The payouts a batch makes: the lines grouped per affiliate and currency,
 * each group's exact total, kept when it is above zero and reaches the
 * currency's minimum. Only lines of a commission the batch locked are taken:
 * one approved after the lock waits for the next batch, with its adjustments;
 * those of paid commissions cannot change status.
 */
export function groupPayableLines(
  lines: PayableLine[],
  locked: Set<string>,
  minimumPayouts: Record<string, number>
): { group: PayableLine[]; total: ReturnType<typeof MathBN.sum> }[] {
  const groups = new Map<string, PayableLine[]>()
  for (const line of lines) {
    if (line.commission_status !== "paid" && !locked.has(line.owner_commission_id)) {
      continue
    }
    const key = `${line.affiliate_id} ${line.currency_code}`
    const group = groups.get(key) ?? []
    group.push(line)
    groups.set(key, group)
  }
  return [...groups.values()]
    .map((group) => ({ group, total: MathBN.sum(...group.map((line) => line.amount)) }))
    .filter(({ group, total }) => {
      const minimum = minimumPayouts[group[0].currency_code] ?? 0
      return MathBN.gt(total, 0) && MathBN.gte(total, minimum)
    })
}
