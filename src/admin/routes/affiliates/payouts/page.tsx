import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, createDataTableColumnHelper } from "@medusajs/ui"
import { useState } from "react"
import { formatDate, formatMoneyList } from "../../../lib/format"
import { ListTable } from "../../../components/common/list-table"
import { SectionHeader } from "../../../components/common/section-header"
import { CreateBatchModal } from "../../../components/payouts/create-batch-modal"
import { PayoutBatchStatusBadge } from "../../../components/payouts/status-badge"
import {
  type AffiliatePayoutBatch,
  useAffiliatePayoutBatches,
} from "../../../hooks/api/affiliate-payouts"
import { useListState } from "../../../hooks/use-list-state"

const columnHelper = createDataTableColumnHelper<AffiliatePayoutBatch>()

const columns = [
  columnHelper.accessor("created_at", {
    header: "Date",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ row }) => <PayoutBatchStatusBadge batch={row.original} />,
  }),
  columnHelper.accessor("payout_count", { header: "Payouts" }),
  columnHelper.accessor("totals", {
    header: "Total",
    // Failed and canceled payouts are left out of the totals by the server.
    cell: ({ getValue }) => formatMoneyList(getValue()) || "-",
  }),
]

const AffiliatePayoutsPage = () => {
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const list = useListState()
  const { data, isLoading } = useAffiliatePayoutBatches(list.query)

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Affiliate payouts"
        description="Pay affiliates what they are owed, in batches: one payout per affiliate and currency."
        actions={[{ label: "Create payout batch", onClick: () => setIsCreateOpen(true) }]}
      />
      <ListTable
        list={list}
        columns={columns}
        data={data?.affiliate_payout_batches}
        count={data?.count}
        isLoading={isLoading}
        empty={{
          heading: "No payout batches yet",
          description:
            "Create a batch to pay every affiliate whose approved commissions are payable.",
        }}
        rowHref={(batch) => `/affiliates/payouts/${batch.id}`}
      />
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
