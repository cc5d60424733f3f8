import {
  Button,
  Container,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Text,
  createDataTableColumnHelper,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import {
  type AffiliateCustomer,
  type AffiliateSummary,
  useAffiliateCustomers,
  useCreateAffiliateConnection,
} from "../../hooks/api/affiliate-connections"
import { formatDate, personName } from "../../lib/format"
import { formatConnectionExpiry } from "./connection-expiry"
import { NewConnectionModal } from "./new-connection-modal"
import { ConnectionSourceBadge } from "./source-badge"

const PAGE_SIZE = 10

const columnHelper = createDataTableColumnHelper<AffiliateCustomer>()

const baseColumns = [
  columnHelper.accessor("email", {
    header: "Customer",
    cell: ({ row }) => (
      <div className="flex flex-col py-1">
        <Link
          to={`/customers/${row.original.id}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
        >
          {personName(row.original)}
        </Link>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {row.original.email}
        </Text>
      </div>
    ),
  }),
  columnHelper.accessor("connection.source", {
    header: "Source",
    cell: ({ row }) =>
      row.original.connection ? (
        <ConnectionSourceBadge source={row.original.connection.source} />
      ) : (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          Referred, not connected
        </Text>
      ),
  }),
  columnHelper.accessor("connection.created_at", {
    header: "Connected",
    cell: ({ row }) =>
      row.original.connection ? formatDate(row.original.connection.created_at) : "-",
  }),
  columnHelper.display({
    id: "expires",
    header: "Expires",
    cell: ({ row }) =>
      row.original.connection ? (
        <span data-testid="connection-expires">
          {formatConnectionExpiry(row.original.connection)}
        </span>
      ) : (
        "-"
      ),
  }),
  columnHelper.accessor("order_count", {
    header: "Orders",
  }),
]

/**
 * The affiliate's customers, for the affiliate's page: connected customers
 * with their source, and referred customers with a Connect button.
 */
export const AffiliateCustomersSection = ({
  affiliate,
}: {
  affiliate: AffiliateSummary
}) => {
  const [isConnectOpen, setIsConnectOpen] = useState(false)
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const { data, isLoading } = useAffiliateCustomers(affiliate.id, {
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
  })
  const connect = useCreateAffiliateConnection()

  const columns = [
    ...baseColumns,
    columnHelper.display({
      id: "connect",
      cell: ({ row }) =>
        row.original.connection ? null : (
          <div className="flex justify-end">
            <Button
              size="small"
              variant="secondary"
              isLoading={
                connect.isPending &&
                "customer_id" in connect.variables &&
                connect.variables.customer_id === row.original.id
              }
              onClick={() =>
                connect.mutate({
                  affiliate_id: affiliate.id,
                  customer_id: row.original.id,
                })
              }
            >
              Connect
            </Button>
          </div>
        ),
    }),
  ]

  const table = useDataTable({
    columns,
    data: data?.customers ?? [],
    getRowId: (customer) => customer.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Customers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Connected customers credit {affiliate.name} on every order.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setIsConnectOpen(true)}>
          Connect customer
        </Button>
      </div>
      <DataTable instance={table}>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No customers yet",
              description: `Customers who order through ${affiliate.name}'s link or coupon, or that you connect, appear here.`,
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <NewConnectionModal
        open={isConnectOpen}
        onOpenChange={setIsConnectOpen}
        affiliate={affiliate}
      />
    </Container>
  )
}
