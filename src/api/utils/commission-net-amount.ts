import { MathBN } from "@medusajs/framework/utils"

export type CommissionWithAdjustments = {
  id: string
  amount: unknown
  status: string
  adjustments?: ({ amount: unknown } | null)[] | null
}

/**
 * Adds the sum of a commission's adjustments and what the affiliate earns on
 * it after them (nothing for a rejected one).
 */
export function withNetAmount<T extends CommissionWithAdjustments>(commission: T) {
  const adjustmentTotal = MathBN.add(
    0,
    ...(commission.adjustments ?? [])
      .filter((adjustment): adjustment is { amount: unknown } => !!adjustment)
      .map((adjustment) => adjustment.amount as number)
  )
  const net =
    commission.status === "rejected"
      ? 0
      : MathBN.add(commission.amount as number, adjustmentTotal).toNumber()
  return {
    ...commission,
    adjustment_total: adjustmentTotal.toNumber(),
    net_amount: net,
  }
}
