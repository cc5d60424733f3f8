import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { RowActionsMenu } from "../../../components/common/row-actions-menu"
import { ImportConnectionsModal } from "../../../components/connections/import-connections-modal"
import { NewConnectionModal } from "../../../components/connections/new-connection-modal"
import {
  ConnectionSourceBadge,
  SOURCE_LABELS,
} from "../../../components/connections/source-badge"
import { formatDate, personName } from "../../../lib/format"
import { formatConnectionExpiry } from "../../../components/connections/connection-expiry"
import {
  type AffiliateConnection,
  type AffiliateConnectionSource,
  type AffiliateConnectionStatus,
  type AffiliateConnectionsQuery,
  useAffiliateConnections,
  useDeleteAffiliateConnection,
} from "../../../hooks/api/affiliate-connections"
import {
  pickedAffiliateIds,
  useAffiliateFilterOptions,
} from "../../../components/affiliates/affiliate-filter"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AffiliateConnection>()
const filterHelper = createDataTableFilterHelper<AffiliateConnection>()

const linkClassName =
  "text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"

const ENDED_LABELS: Record<NonNullable<AffiliateConnection["ended_reason"]>, string> = {
  replaced: "Replaced",
  removed: "Ended",
  expired: "Expired",
}

const baseColumns = [
  columnHelper.accessor("customer.email", {
    header: "Customer",
    cell: ({ row }) => (
      <div className="flex flex-col py-1">
        <Link to={`/customers/${row.original.customer_id}`} className={linkClassName}>
          {personName(row.original.customer)}
        </Link>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {row.original.customer.email}
        </Text>
      </div>
    ),
  }),
  columnHelper.accessor("affiliate.name", {
    header: "Affiliate",
    cell: ({ row }) => (
      <div className="flex flex-col py-1">
        <Link to={`/affiliates/${row.original.affiliate_id}`} className={linkClassName}>
          {row.original.affiliate.name}
        </Link>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {row.original.affiliate.code}
        </Text>
      </div>
    ),
  }),
  columnHelper.accessor("source", {
    header: "Source",
    cell: ({ getValue }) => <ConnectionSourceBadge source={getValue()} />,
  }),
  columnHelper.accessor("ended_at", {
    header: "Status",
    cell: ({ row }) =>
      row.original.ended_at ? (
        <div className="flex flex-col items-start gap-y-1 py-1">
          <StatusBadge color="grey">
            {ENDED_LABELS[row.original.ended_reason ?? "removed"]}
          </StatusBadge>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
            {formatDate(row.original.ended_at)}
          </Text>
        </div>
      ) : (
        <StatusBadge color="green">Active</StatusBadge>
      ),
  }),
  columnHelper.accessor("created_at", {
    header: "Connected",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  columnHelper.display({
    id: "expires",
    header: "Expires",
    cell: ({ row }) =>
      row.original.ended_at ? (
        <span className="text-ui-fg-muted">-</span>
      ) : (
        <span data-testid="connection-expires">{formatConnectionExpiry(row.original)}</span>
      ),
  }),
]

const SOURCES = Object.keys(SOURCE_LABELS) as AffiliateConnectionSource[]
const STATUSES: AffiliateConnectionStatus[] = ["active", "ended", "all"]
const STATUS_LABELS: Record<AffiliateConnectionStatus, string> = {
  active: "Active",
  ended: "Ended",
  all: "All",
}

const staticFilters = [
  filterHelper.accessor("source", {
    type: "radio",
    label: "Source",
    options: SOURCES.map((source) => ({
      label: SOURCE_LABELS[source],
      value: source,
    })),
  }),
  filterHelper.accessor("ended_at", {
    type: "radio",
    label: "Status",
    options: STATUSES.map((status) => ({
      label: STATUS_LABELS[status],
      value: status,
    })),
  }),
]

/** Turns the table's search, filters and page into the list route's query. */
const toQuery = (
  filtering: DataTableFilteringState,
  search: string,
  pagination: DataTablePaginationState
): AffiliateConnectionsQuery => {
  return {
    q: search || undefined,
    source: SOURCES.find((source) => source === filtering.source),
    status: STATUSES.find((status) => status === filtering.ended_at),
    affiliate_id: pickedAffiliateIds(filtering.affiliate_id),
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
    order: "-created_at",
  }
}

const AffiliateConnectionsPage = () => {
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const [isImportOpen, setIsImportOpen] = useState(false)
  const [search, setSearch] = useState("")
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const query = toQuery(filtering, search, pagination)
  const { data, isLoading } = useAffiliateConnections(query)
  const affiliateOptions = useAffiliateFilterOptions()
  const { mutate: disconnect } = useDeleteAffiliateConnection()
  const prompt = usePrompt()

  const filters = useMemo(
    () => [
      ...staticFilters,
      filterHelper.accessor("affiliate_id", {
        type: "multiselect",
        label: "Affiliate",
        searchable: true,
        options: affiliateOptions,
      }),
    ],
    [affiliateOptions]
  )

  const columns = useMemo(
    () => [
      ...baseColumns,
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => (
          <RowActionsMenu
            label="Connection actions"
            actions={
              // An ended connection is history: nothing to do with it.
              row.original.ended_at
                ? []
                : [
                    {
                      label: "Disconnect",
                      icon: <Trash />,
                      onClick: async () => {
                        const connection = row.original
                        const confirmed = await prompt({
                          title: `Disconnect ${connection.customer.email} from ${connection.affiliate.name}?`,
                          description: `Their future orders will no longer credit ${connection.affiliate.name} (${connection.affiliate.code}). The connection stays in the history as ended.`,
                          confirmText: "Disconnect",
                          cancelText: "Cancel",
                        })
                        if (confirmed) {
                          disconnect(connection.id)
                        }
                      },
                    },
                  ]
            }
          />
        ),
      }),
    ],
    [prompt, disconnect]
  )

  const table = useDataTable({
    columns,
    data: data?.affiliate_connections ?? [],
    getRowId: (connection) => connection.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Affiliate connections</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers connected to an affiliate: every future order credits
            that affiliate.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setIsImportOpen(true)}>
            Import CSV
          </Button>
          <Button size="small" variant="secondary" onClick={() => setIsCreateOpen(true)}>
            New connection
          </Button>
        </div>
      </div>
      <DataTable instance={table}>
        <DataTable.Toolbar className="justify-between gap-x-2">
          <DataTable.FilterMenu tooltip="Filter" />
          <DataTable.Search placeholder="Search customers" />
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No connections yet",
              description:
                "Connect a customer to an affiliate, or import connections from a CSV file.",
            },
            filtered: {
              heading: "No connections match",
              description: "Change the search or the filters.",
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <NewConnectionModal open={isCreateOpen} onOpenChange={setIsCreateOpen} />
      <ImportConnectionsModal open={isImportOpen} onOpenChange={setIsImportOpen} />
    </Container>
  )
}

// Nested under Affiliates in the sidebar (its path is under /affiliates).
export const config = defineRouteConfig({
  label: "Connections",
  rank: 1,
})

// Medusa nests extension routes by path: the trail reads "Affiliates › Connections".
export const handle = {
  breadcrumb: () => "Connections",
}

export default AffiliateConnectionsPage
