import type { AffiliateProgram } from "../hooks/api/affiliate-programs"
import { formatAmounts, formatRate } from "./format"

/** "10%", "$5.00 per order" or "Store default (8%)". */
export const formatProgramCommission = (
  program: Pick<AffiliateProgram, "commission_type" | "commission_rate" | "commission_amounts">,
  defaultRate: number | undefined
) => {
  if (program.commission_type === "fixed") {
    const amounts = formatAmounts(program.commission_amounts)
    return amounts ? `${amounts} per order` : "No amount set"
  }
  if (program.commission_rate !== null) {
    return formatRate(program.commission_rate)
  }
  return defaultRate === undefined
    ? "Store default"
    : `Store default (${formatRate(defaultRate)})`
}

/** The affiliate's own rate, or the store's default that applies instead. */
export const formatAffiliateRate = (
  rate: number | null,
  defaultRate: number | undefined
) => {
  if (rate !== null) {
    return formatRate(rate)
  }
  return defaultRate === undefined ? "Default" : `Default (${formatRate(defaultRate)})`
}
