import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
  Heading,
  Text,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
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
import { paginationTranslations } from "../../../components/common/pagination"
import {
  type AffiliateCommission,
  type AffiliateCommissionsQuery,
  useAffiliateCommissions,
  useExportAffiliateCommissions,
  useUpdateAffiliateCommissions,
} from "../../../hooks/api/affiliate-commissions"
import {
  pickedAffiliateIds,
  useAffiliateFilterOptions,
} from "../../../components/affiliates/affiliate-filter"

const PAGE_SIZE = 20

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

const pickValues = <T extends string>(allowed: readonly T[], value: unknown) =>
  Array.isArray(value) ? allowed.filter((candidate) => value.includes(candidate)) : []

/** Turns the table's filters and page into the list route's query. */
const toQuery = (
  filtering: DataTableFilteringState,
  search: string,
  pagination: DataTablePaginationState
): AffiliateCommissionsQuery => {
  const status = pickValues(COMMISSION_STATUSES, filtering.status)
  const attribution = pickValues(ATTRIBUTIONS, filtering.attribution)
  const createdAt = filtering.created_at as AffiliateCommissionsQuery["created_at"]
  const flag = filtering.flag === "self_referral" ? "self_referral" : undefined
  return {
    q: search || undefined,
    status: status.length ? status : undefined,
    attribution: attribution.length ? attribution : undefined,
    flag,
    affiliate_id: pickedAffiliateIds(filtering.affiliate_id),
    created_at: createdAt && Object.keys(createdAt).length ? createdAt : undefined,
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
    order: "-created_at",
  }
}

const AffiliateCommissionsPage = () => {
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  const [rejecting, setRejecting] = useState<string[]>([])
  const [openId, setOpenId] = useState<string | null>(null)

  const query = toQuery(filtering, search, pagination)
  const { data, isLoading } = useAffiliateCommissions(query)
  const affiliateOptions = useAffiliateFilterOptions()
  const { mutateAsync: updateStatuses } = useUpdateAffiliateCommissions()
  const exportCsv = useExportAffiliateCommissions()
  const columns = useCommissionColumns({ onReject: setRejecting, selectable: true })

  const filters = useMemo(
    () => [
      ...staticFilters,
      createdAtFilter(Date.now()),
      filterHelper.accessor("affiliate_id", {
        type: "multiselect",
        label: "Affiliate",
        searchable: true,
        options: affiliateOptions,
      }),
    ],
    [affiliateOptions]
  )

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

  const table = useDataTable({
    columns,
    data: data?.affiliate_commissions ?? [],
    getRowId: (commission) => commission.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    commands,
    rowSelection: { state: rowSelection, onRowSelectionChange: setRowSelection },
    onRowClick: (_, commission) => setOpenId(commission.id),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Affiliate commissions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What each order earned its affiliate: approve, reject or mark
            commissions paid.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          isLoading={exportCsv.isPending}
          onClick={() => exportCsv.mutate(query)}
        >
          Export CSV
        </Button>
      </div>
      <DataTable instance={table}>
        <DataTable.Toolbar className="justify-between gap-x-2">
          <DataTable.FilterMenu tooltip="Filter" />
          <DataTable.Search placeholder="Search buyer email or name" />
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No commissions yet",
              description:
                "Orders referred by an affiliate, or placed by their connected customers, appear here.",
            },
            filtered: {
              heading: "No commissions match",
              description: "Change the search or the filters.",
            },
          }}
        />
        <DataTable.Pagination
          translations={paginationTranslations(data?.estimate_count !== undefined)}
        />
        <DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />
      </DataTable>
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
