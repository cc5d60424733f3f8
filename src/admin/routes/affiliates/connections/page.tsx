import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trash } from "@medusajs/icons"
import {
  Container,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useAffiliateFilter } from "../../../components/affiliates/affiliate-filter"
import { actionsColumn } from "../../../components/common/action-menu"
import { ListTable } from "../../../components/common/list-table"
import { SectionHeader } from "../../../components/common/section-header"
import { LinkCell } from "../../../components/common/text-link"
import { formatConnectionExpiry } from "../../../components/connections/connection-expiry"
import { ImportConnectionsModal } from "../../../components/connections/import-connections-modal"
import { NewConnectionModal } from "../../../components/connections/new-connection-modal"
import {
  ConnectionSourceBadge,
  SOURCE_LABELS,
} from "../../../components/connections/source-badge"
import {
  type AffiliateConnection,
  type AffiliateConnectionSource,
  type AffiliateConnectionStatus,
  useAffiliateConnections,
  useDeleteAffiliateConnection,
} from "../../../hooks/api/affiliate-connections"
import { useConfirm } from "../../../hooks/use-confirm"
import { useListState } from "../../../hooks/use-list-state"
import { formatDate, personName } from "../../../lib/format"
import { pickedIds, pickedValue } from "../../../lib/list-filters"

const columnHelper = createDataTableColumnHelper<AffiliateConnection>()
const filterHelper = createDataTableFilterHelper<AffiliateConnection>()

const ENDED_LABELS: Record<NonNullable<AffiliateConnection["ended_reason"]>, string> = {
  replaced: "Replaced",
  removed: "Ended",
  expired: "Expired",
}

const baseColumns = [
  columnHelper.accessor("customer.email", {
    header: "Customer",
    cell: ({ row }) => (
      <LinkCell
        to={`/customers/${row.original.customer_id}`}
        title={personName(row.original.customer)}
        detail={row.original.customer.email}
      />
    ),
  }),
  columnHelper.accessor("affiliate.name", {
    header: "Affiliate",
    cell: ({ row }) => (
      <LinkCell
        to={`/affiliates/${row.original.affiliate_id}`}
        title={row.original.affiliate.name}
        detail={row.original.affiliate.code}
      />
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

const AffiliateConnectionsPage = () => {
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const [isImportOpen, setIsImportOpen] = useState(false)
  const affiliateFilter = useAffiliateFilter()
  const filters = useMemo(() => [...staticFilters, affiliateFilter], [affiliateFilter])
  const list = useListState({ filters, order: "-created_at" })
  const { data, isLoading } = useAffiliateConnections({
    ...list.query,
    source: pickedValue(SOURCES, list.filtering.source),
    status: pickedValue(STATUSES, list.filtering.ended_at),
    affiliate_id: pickedIds(list.filtering.affiliate_id),
  })
  const { mutate: disconnect } = useDeleteAffiliateConnection()
  const confirm = useConfirm()

  const columns = useMemo(
    () => [
      ...baseColumns,
      actionsColumn<AffiliateConnection>("Connection actions", (connection) => [
        // An ended connection is history: nothing to do with it.
        connection.ended_at
          ? []
          : [
              {
                label: "Disconnect",
                icon: <Trash />,
                onClick: () =>
                  confirm(
                    {
                      title: `Disconnect ${connection.customer.email} from ${connection.affiliate.name}?`,
                      description: `Their future orders will no longer credit ${connection.affiliate.name} (${connection.affiliate.code}). The connection stays in the history as ended.`,
                      confirmText: "Disconnect",
                    },
                    () => disconnect(connection.id)
                  ),
              },
            ],
      ]),
    ],
    [confirm, disconnect]
  )

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Affiliate connections"
        description="Customers connected to an affiliate: every future order credits that affiliate."
        actions={[
          { label: "Import CSV", onClick: () => setIsImportOpen(true) },
          { label: "New connection", onClick: () => setIsCreateOpen(true) },
        ]}
      />
      <ListTable
        list={list}
        columns={columns}
        data={data?.affiliate_connections}
        count={data?.count}
        isLoading={isLoading}
        searchPlaceholder="Search customers"
        empty={{
          heading: "No connections yet",
          description:
            "Connect a customer to an affiliate, or import connections from a CSV file.",
        }}
        noMatch="No connections match"
      />
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
