import { useState } from "react"
import type { AffiliatePayout } from "../../hooks/api/affiliate-payouts"
import type { ListState } from "../../hooks/use-list-state"
import { ListTable } from "../common/list-table"
import { FailPayoutPrompt } from "./fail-payout-prompt"
import { usePayoutColumns } from "./use-payout-columns"

type PayoutListProps = {
  /** The list's page; without it the payouts are all there is (a batch's). */
  list?: ListState
  payouts: AffiliatePayout[] | undefined
  count?: number
  isLoading?: boolean
  empty: { heading: string; description: string }
  /** Off on an affiliate's page, where every payout is theirs. */
  showAffiliate?: boolean
}

/** Payouts with each row's moves; failing one asks for a reason first. */
export const PayoutList = ({ payouts, showAffiliate, ...table }: PayoutListProps) => {
  const [failing, setFailing] = useState<AffiliatePayout | null>(null)
  const columns = usePayoutColumns({ onFail: setFailing, showAffiliate })
  return (
    <>
      <ListTable {...table} columns={columns} data={payouts} />
      <FailPayoutPrompt payout={failing} onClose={() => setFailing(null)} />
    </>
  )
}
