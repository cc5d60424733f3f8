import { MathBN } from "@medusajs/framework/utils"

type Amount = Parameters<typeof MathBN.convert>[0]

/** Decimal places of a currency's minor unit (2 for EUR, 0 for JPY). */
export function currencyPrecision(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** An amount as a file wants it: the currency's decimals (4.00 EUR, 400 JPY), a dot, no grouping. */
export function formatAmountForFile(amount: Amount, currencyCode: string): string {
  const precision = currencyPrecision(currencyCode)
  return MathBN.convert(amount, precision).toFixed(precision)
}

export type RefundForShare = { id: string; amount: Amount }

export type CommissionForRefunds = {
  amount: Amount
  currency_code: string
  /** Every adjustment so far (refunds, cancellation). */
  adjustments: { amount: Amount; reason: string; reference: string }[]
}

/**
 * The refund adjustments a commission still needs, one per refund not yet
 * recorded, in the order the refunds were made. They are cumulative: after
 * each refund, the refund adjustments total round(commission × refunded so
 * far ÷ charged), so parts rounded one by one cannot leave or take a cent too
 * many (a full refund nets exactly 0; small refunds add up). Never takes the
 * commission below zero; a refund whose share is still 0 gets no row.
 */
export function refundAdjustments(
  commission: CommissionForRefunds,
  refunds: RefundForShare[],
  charged: Amount
): { reference: string; amount: number }[] {
  const precision = currencyPrecision(commission.currency_code)
  const recorded = new Set(commission.adjustments.map((a) => a.reference))
  const refundAdjusted = commission.adjustments.filter((a) => a.reason === "refund")
  let taken = MathBN.mult(MathBN.sum(0, ...refundAdjusted.map((a) => a.amount)), -1)
  let left = MathBN.sum(commission.amount, ...commission.adjustments.map((a) => a.amount))
  let refunded = MathBN.convert(0)
  const adjustments: { reference: string; amount: number }[] = []

  for (const refund of refunds) {
    refunded = MathBN.add(refunded, refund.amount)
    if (recorded.has(refund.id)) {
      continue
    }
    const due = MathBN.convert(
      MathBN.div(MathBN.mult(commission.amount, MathBN.min(refunded, charged)), charged),
      precision
    )
    const amount = MathBN.max(0, MathBN.min(MathBN.sub(due, taken), left))
    if (MathBN.gt(amount, 0)) {
      adjustments.push({ reference: refund.id, amount: MathBN.mult(amount, -1).toNumber() })
      taken = MathBN.add(taken, amount)
      left = MathBN.sub(left, amount)
    }
  }
  return adjustments
}
