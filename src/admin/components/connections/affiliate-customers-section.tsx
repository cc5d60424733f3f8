import { Button, Container, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useState } from "react"
import {
  type AffiliateCustomer,
  type AffiliateSummary,
  useAffiliateCustomers,
  useCreateAffiliateConnection,
} from "../../hooks/api/affiliate-connections"
import { useListState } from "../../hooks/use-list-state"
import { formatDate, formatMoneyList, personName } from "../../lib/format"
import { formatConnectionExpiry } from "./connection-expiry"
import { ListTable } from "../common/list-table"
import { SectionHeader } from "../common/section-header"
import { LinkCell } from "../common/text-link"
import { NewConnectionModal } from "./new-connection-modal"
import { ConnectionSourceBadge } from "./source-badge"

const PAGE_SIZE = 10

const columnHelper = createDataTableColumnHelper<AffiliateCustomer>()

const baseColumns = [
  columnHelper.accessor("email", {
    header: "Customer",
    cell: ({ row }) => (
      <LinkCell
        to={`/customers/${row.original.id}`}
        title={personName(row.original)}
        detail={row.original.email}
      />
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
  columnHelper.accessor("revenue", {
    header: "Revenue",
    // What the orders credited to this affiliate were worth, before tax and shipping.
    cell: ({ getValue }) => formatMoneyList(getValue()) || "-",
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
  // The affiliate's page has more than one list: each keeps its page apart.
  const list = useListState({ prefix: "customers", pageSize: PAGE_SIZE })
  const { data, isLoading } = useAffiliateCustomers(affiliate.id, list.query)
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

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Customers"
        description={`Connected customers credit ${affiliate.name} on every order.`}
        actions={[{ label: "Connect customer", onClick: () => setIsConnectOpen(true) }]}
      />
      <ListTable
        list={list}
        columns={columns}
        data={data?.customers}
        count={data?.count}
        isLoading={isLoading}
        empty={{
          heading: "No customers yet",
          description: `Customers who order through ${affiliate.name}'s link or coupon, or that you connect, appear here.`,
        }}
      />
      <NewConnectionModal
        open={isConnectOpen}
        onOpenChange={setIsConnectOpen}
        affiliate={affiliate}
      />
    </Container>
  )
}
