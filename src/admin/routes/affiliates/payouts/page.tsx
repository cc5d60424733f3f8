import { defineRouteConfig } from "@medusajs/admin-sdk"
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
import { useNavigate } from "react-router-dom"
import { formatDate, formatMoneyList } from "../../../lib/format"
import { CreateBatchModal } from "../../../components/payouts/create-batch-modal"
import {
  type AffiliatePayoutBatch,
  useAffiliatePayoutBatches,
} from "../../../hooks/api/affiliate-payouts"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AffiliatePayoutBatch>()

const columns = [
  columnHelper.accessor("created_at", {
    header: "Date",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  columnHelper.accessor("payout_count", { header: "Payouts" }),
  columnHelper.accessor("totals", {
    header: "Total",
    // Failed and canceled payouts are left out of the totals by the server.
    cell: ({ getValue }) => formatMoneyList(getValue()) || "-",
  }),
]

const AffiliatePayoutsPage = () => {
  const navigate = useNavigate()
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const { data, isLoading } = useAffiliatePayoutBatches({
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
  })

  const table = useDataTable({
    columns,
    data: data?.affiliate_payout_batches ?? [],
    getRowId: (batch) => batch.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, batch) => navigate(`/affiliates/payouts/${batch.id}`),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Affiliate payouts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Pay affiliates what they are owed, in batches: one payout per affiliate
            and currency.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setIsCreateOpen(true)}>
          Create payout batch
        </Button>
      </div>
      <DataTable instance={table}>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No payout batches yet",
              description:
                "Create a batch to pay every affiliate whose approved commissions are payable.",
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <CreateBatchModal open={isCreateOpen} onOpenChange={setIsCreateOpen} />
    </Container>
  )
}

// Nested under Affiliates in the sidebar (its path is under /affiliates).
export const config = defineRouteConfig({
  label: "Payouts",
  rank: 3,
})

export const handle = {
  breadcrumb: () => "Payouts",
}

export default AffiliatePayoutsPage
