import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  type DataTableRowSelectionState,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useAffiliateFilter } from "../../../components/affiliates/affiliate-filter"
import { ACTION_LABELS } from "../../../components/commissions/commission-actions"
import { CommissionDrawer } from "../../../components/commissions/commission-drawer"
import { RejectCommissionsPrompt } from "../../../components/commissions/reject-commissions-prompt"
import {
  ATTRIBUTIONS,
  ATTRIBUTION_LABELS,
  COMMISSION_STATUSES,
  COMMISSION_STATUS_LABELS,
} from "../../../components/commissions/status-badge"
import { useCommissionColumns } from "../../../components/commissions/use-commission-columns"
import { ListTable } from "../../../components/common/list-table"
import { SectionHeader } from "../../../components/common/section-header"
import {
  type AffiliateCommission,
  useAffiliateCommissions,
  useExportAffiliateCommissions,
  useUpdateAffiliateCommissions,
} from "../../../hooks/api/affiliate-commissions"
import { useListState } from "../../../hooks/use-list-state"
import {
  pickedDateRange,
  pickedIds,
  pickedValue,
  pickedValues,
} from "../../../lib/list-filters"

const filterHelper = createDataTableFilterHelper<AffiliateCommission>()
const commandHelper = createDataTableCommandHelper()

const staticFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: COMMISSION_STATUSES.map((status) => ({
      label: COMMISSION_STATUS_LABELS[status],
      value: status,
    })),
  }),
  filterHelper.accessor("attribution", {
    type: "multiselect",
    label: "Attribution",
    options: ATTRIBUTIONS.map((attribution) => ({
      label: ATTRIBUTION_LABELS[attribution],
      value: attribution,
    })),
  }),
  // Self-referrals a program's `flag` policy left for the admin to review.
  filterHelper.accessor("flag", {
    type: "radio",
    label: "Flagged",
    options: [{ label: "Self-referral", value: "self_referral" }],
  }),
]

const FLAGS = ["self_referral"] as const

const DAY_MS = 24 * 60 * 60 * 1000

/** "Last 7 days" and friends, plus the filter's own custom range. */
const createdAtFilter = (now: number) =>
  filterHelper.accessor("created_at", {
    type: "date",
    label: "Created",
    format: "date",
    rangeOptionLabel: "Custom range",
    options: [7, 30, 90].map((days) => ({
      label: `Last ${days} days`,
      value: { $gte: new Date(now - days * DAY_MS).toISOString() },
    })),
  })

const BULK_MOVES = [
  { status: "approved", shortcut: "A" },
  { status: "paid", shortcut: "P" },
] as const

const AffiliateCommissionsPage = () => {
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  const [rejecting, setRejecting] = useState<string[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const affiliateFilter = useAffiliateFilter()
  const filters = useMemo(
    () => [...staticFilters, createdAtFilter(Date.now()), affiliateFilter],
    [affiliateFilter]
  )
  const list = useListState({ filters, order: "-created_at" })
  const { filtering } = list
  const query = {
    ...list.query,
    status: pickedValues(COMMISSION_STATUSES, filtering.status),
    attribution: pickedValues(ATTRIBUTIONS, filtering.attribution),
    flag: pickedValue(FLAGS, filtering.flag),
    affiliate_id: pickedIds(filtering.affiliate_id),
    created_at: pickedDateRange(filtering.created_at),
  }
  const { data, isLoading } = useAffiliateCommissions(query)
  const { mutateAsync: updateStatuses } = useUpdateAffiliateCommissions()
  const exportCsv = useExportAffiliateCommissions()
  const columns = useCommissionColumns({ onReject: setRejecting, selectable: true })

  // Bulk moves are all-or-none on the server: a selection with one commission
  // that cannot move is refused with a message naming it.
  const commands = useMemo(
    () => [
      ...BULK_MOVES.map(({ status, shortcut }) =>
        commandHelper.command({
          label: ACTION_LABELS[status],
          shortcut,
          action: async (selection) => {
            await updateStatuses({ ids: Object.keys(selection), status })
            setRowSelection({})
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
    [updateStatuses]
  )

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Affiliate commissions"
        description="What each order earned its affiliate: approve, reject or mark commissions paid."
        actions={
          <Button
            size="small"
            variant="secondary"
            isLoading={exportCsv.isPending}
            onClick={() => exportCsv.mutate(query)}
          >
            Export CSV
          </Button>
        }
      />
      <ListTable
        list={list}
        columns={columns}
        data={data?.affiliate_commissions}
        getRowId={(commission) => commission.id}
        count={data?.count}
        estimatedCount={data?.estimate_count !== undefined}
        isLoading={isLoading}
        searchPlaceholder="Search buyer email or name"
        empty={{
          heading: "No commissions yet",
          description:
            "Orders referred by an affiliate, or placed by their connected customers, appear here.",
        }}
        noMatch="No commissions match"
        onRowClick={(commission) => setOpenId(commission.id)}
        commands={commands}
        rowSelection={{ state: rowSelection, onRowSelectionChange: setRowSelection }}
      />
      <RejectCommissionsPrompt
        ids={rejecting}
        shown={data?.affiliate_commissions ?? []}
        onClose={() => {
          setRejecting([])
          setRowSelection({})
        }}
      />
      <CommissionDrawer id={openId} onClose={() => setOpenId(null)} />
    </Container>
  )
}

// Nested under Affiliates in the sidebar (its path is under /affiliates).
export const config = defineRouteConfig({
  label: "Commissions",
  rank: 2,
})

// Medusa nests extension routes by path: the trail reads "Affiliates › Commissions".
export const handle = {
  breadcrumb: () => "Commissions",
}

export default AffiliateCommissionsPage
