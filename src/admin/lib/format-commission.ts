import type { AffiliateProgramTerms } from "../hooks/api/affiliate-programs"
import { formatAmounts, formatRate } from "./format"

type ProgramCommission = Pick<
  AffiliateProgramTerms,
  "commission_type" | "commission_rate" | "commission_amounts"
>

/** Shown while what decides the commission (settings, program) loads. */
const LOADING = "…"

/**
 * A commission that applies for want of a closer one is followed by where it
 * comes from: "10% (store default)", "5% (program Creators)". Every list,
 * page and widget writes an inherited commission this way.
 */
const inherited = (value: string, source: string) => `${value} (${source})`

const storeDefault = (defaultRate: number | undefined) =>
  defaultRate === undefined ? LOADING : inherited(formatRate(defaultRate), "store default")

/** A program's commission: "10%", "$5.00 per order" or "8% (store default)". */
export const formatProgramCommission = (
  program: ProgramCommission,
  defaultRate: number | undefined
) => {
  if (program.commission_type === "fixed") {
    const amounts = formatAmounts(program.commission_amounts)
    return amounts ? `${amounts} per order` : "No amount set"
  }
  return program.commission_rate === null
    ? storeDefault(defaultRate)
    : formatRate(program.commission_rate)
}

/**
 * What an affiliate earns, decided as the server does: their own rate, else
 * their program's commission, else the store's default rate. `program` is
 * undefined while it loads.
 */
export const formatAffiliateCommission = (
  rate: number | null,
  program: (ProgramCommission & { name: string }) | undefined,
  defaultRate: number | undefined
) => {
  if (rate !== null) {
    return formatRate(rate)
  }
  if (!program) {
    return LOADING
  }
  if (program.commission_type === "percentage" && program.commission_rate === null) {
    return storeDefault(defaultRate)
  }
  return inherited(formatProgramCommission(program, defaultRate), `program ${program.name}`)
}
