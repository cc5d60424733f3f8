import type { AffiliateBalance } from "../../hooks/api/affiliate-payouts"

export type PreviewRow = AffiliateBalance & {
  /** The store's minimum for this currency, if any. */
  minimum: number | null
  /** Below the minimum: the balance stays payable and waits for a later batch. */
  waits: boolean
  /** The affiliate has not said how to be paid. */
  without_method: boolean
}

export type BatchPreview = {
  rows: PreviewRow[]
  /** What the batch would pay, per currency (waiting and excluded rows left out). */
  totals: { currency_code: string; amount: number; payout_count: number }[]
}

/**
 * What a batch would pay, as the server decides it: one payout per affiliate
 * and currency whose payable balance is above zero and at least the currency's
 * minimum, unless the affiliate is blocked or deleted, or has no payout
 * method and the batch does not include those (shown, with why). Shown
 * before creating, so the admin knows what they are starting.
 */
export const previewBatch = (
  balances: AffiliateBalance[],
  minimums: Record<string, number> | null,
  { includeWithoutMethod }: { includeWithoutMethod: boolean }
): BatchPreview => {
  const rows = balances
    .filter((balance) => balance.payable > 0)
    .map((balance) => {
      const minimum = minimums?.[balance.currency_code] ?? null
      const withoutMethod = balance.excluded_reason === "no_payout_method"
      return {
        ...balance,
        excluded_reason: withoutMethod && includeWithoutMethod ? null : balance.excluded_reason,
        minimum,
        waits: minimum !== null && balance.payable < minimum,
        without_method: withoutMethod,
      }
    })
  const totals = new Map<string, BatchPreview["totals"][number]>()
  for (const row of rows.filter((candidate) => !candidate.waits && !candidate.excluded_reason)) {
    const total = totals.get(row.currency_code) ?? {
      currency_code: row.currency_code,
      amount: 0,
      payout_count: 0,
    }
    // Display only: the server sums exactly; cents of float error never show
    // once formatted to the currency's decimals.
    total.amount += row.payable
    total.payout_count += 1
    totals.set(row.currency_code, total)
  }
  return {
    rows,
    totals: [...totals.values()].sort((a, b) => a.currency_code.localeCompare(b.currency_code)),
  }
}
