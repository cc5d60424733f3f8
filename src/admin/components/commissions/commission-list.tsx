import { type DataTableRowSelectionState, createDataTableCommandHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  type AffiliateCommissionsResponse,
  useUpdateAffiliateCommissions,
} from "../../hooks/api/affiliate-commissions"
import { useConfirm } from "../../hooks/use-confirm"
import type { ListState } from "../../hooks/use-list-state"
import { plural } from "../../lib/format"
import { ListTable } from "../common/list-table"
import { ACTION_LABELS } from "./commission-actions"
import { CommissionDrawer } from "./commission-drawer"
import { RejectCommissionsPrompt } from "./reject-commissions-prompt"
import { useCommissionColumns } from "./use-commission-columns"

const commandHelper = createDataTableCommandHelper()

/** Moves of the selected rows, each asked first: they change what affiliates are owed. */
const BULK_MOVES = [
  {
    status: "approved",
    shortcut: "A",
    description:
      "Approved commissions become payable and go into the next payout batch once their hold ends.",
  },
  {
    status: "paid",
    shortcut: "P",
    description:
      "This records that you paid them outside a payout batch. It cannot be undone, and they will never be paid again.",
  },
] as const

type CommissionListProps = {
  list: ListState
  /** The page of commissions on screen. */
  page: AffiliateCommissionsResponse | undefined
  isLoading: boolean
  /** Says which commissions would show here. */
  emptyDescription: string
  /** On the ledger's own page: its search, and moves of the selected rows. */
  ledger?: { searchPlaceholder: string; noMatch: string }
  /** Off on an affiliate's page, where every commission is theirs. */
  showAffiliate?: boolean
}

/**
 * Commissions with their actions: a row opens in the commission drawer, and
 * rejecting (one row or the selected ones) asks for a reason first.
 */
export const CommissionList = ({
  list,
  page,
  isLoading,
  emptyDescription,
  ledger,
  showAffiliate,
}: CommissionListProps) => {
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  const [rejecting, setRejecting] = useState<string[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const { mutateAsync: updateStatuses } = useUpdateAffiliateCommissions()
  const confirm = useConfirm()
  const columns = useCommissionColumns({
    onReject: setRejecting,
    selectable: Boolean(ledger),
    showAffiliate,
  })

  // Bulk moves are all-or-none on the server: a selection with one commission
  // that cannot move is refused with a message naming it.
  const commands = useMemo(
    () => [
      ...BULK_MOVES.map(({ status, shortcut, description }) =>
        commandHelper.command({
          label: ACTION_LABELS[status],
          shortcut,
          action: async (selection) => {
            const ids = Object.keys(selection)
            const label = ACTION_LABELS[status]
            await confirm(
              {
                title: `${label} ${plural(ids.length, "commission", "commissions")}?`,
                description,
                confirmText: label,
              },
              async () => {
                await updateStatuses({ ids, status })
                setRowSelection({})
              }
            )
          },
        })
      ),
      // Rejecting asks for a reason first.
      commandHelper.command({
        label: ACTION_LABELS.rejected,
        shortcut: "R",
        action: async (selection) => {
          setRejecting(Object.keys(selection))
        },
      }),
    ],
    [confirm, updateStatuses]
  )

  return (
    <>
      <ListTable
        list={list}
        columns={columns}
        data={page?.affiliate_commissions}
        count={page?.count}
        estimatedCount={page?.estimate_count !== undefined}
        isLoading={isLoading}
        searchPlaceholder={ledger?.searchPlaceholder}
        empty={{ heading: "No commissions yet", description: emptyDescription }}
        noMatch={ledger?.noMatch}
        onRowClick={(commission) => setOpenId(commission.id)}
        commands={ledger && commands}
        rowSelection={
          ledger && { state: rowSelection, onRowSelectionChange: setRowSelection }
        }
      />
      <RejectCommissionsPrompt
        ids={rejecting}
        shown={page?.affiliate_commissions ?? []}
        onClose={() => {
          setRejecting([])
          setRowSelection({})
        }}
      />
      <CommissionDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  )
}
