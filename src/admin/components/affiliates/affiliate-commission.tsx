import type { AffiliateProgram } from "../../hooks/api/affiliate-programs"
import { formatAffiliateCommission } from "../../lib/format-commission"

/**
 * What an affiliate earns. A commission they inherit (from their program or
 * the store) is set lighter than a rate of their own.
 */
export const AffiliateCommission = ({
  rate,
  program,
  defaultRate,
}: {
  rate: number | null
  /** Their program's terms; undefined while they load. */
  program: AffiliateProgram | undefined
  defaultRate: number | undefined
}) => {
  const text = formatAffiliateCommission(rate, program, defaultRate)
  return rate === null ? <span className="text-ui-fg-subtle">{text}</span> : <>{text}</>
}
