import {
  Container,
  DataTable,
  type DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { formatMoney } from "../../lib/format"
import { CommissionDrawer } from "../commissions/commission-drawer"
import { RejectCommissionsPrompt } from "../commissions/reject-commissions-prompt"
import { useCommissionColumns } from "../commissions/use-commission-columns"
import { paginationTranslations } from "../common/pagination"
import { useAffiliateCommissions } from "../../hooks/api/affiliate-commissions"
import type {
  AffiliateCommissionTotals,
  AffiliateWithStats,
} from "../../hooks/api/affiliates"

const PAGE_SIZE = 10

const TOTALS: { key: keyof AffiliateCommissionTotals; label: string }[] = [
  { key: "pending", label: "Pending" },
  { key: "approved", label: "Approved" },
  { key: "paid", label: "Paid" },
  { key: "adjustments", label: "Adjustments" },
  { key: "net", label: "Net" },
]

const CurrencyTotals = ({ totals }: { totals: AffiliateCommissionTotals }) => (
  <div
    className="grid grid-cols-2 gap-4 px-6 py-4 sm:grid-cols-5"
    data-testid={`commission-totals-${totals.currency_code}`}
  >
    {TOTALS.map(({ key, label }) => (
      <div key={key} className="flex flex-col">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {label}
        </Text>
        <Text size="small" weight="plus" leading="compact">
          {formatMoney(Number(totals[key]), totals.currency_code)}
        </Text>
      </div>
    ))}
  </div>
)

/** What the affiliate has earned, per currency, and their ledger. */
export const AffiliateCommissionsSection = ({
  affiliate,
}: {
  affiliate: AffiliateWithStats
}) => {
  const [rejecting, setRejecting] = useState<string[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const { data, isLoading } = useAffiliateCommissions({
    affiliate_id: affiliate.id,
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
    order: "-created_at",
  })
  const columns = useCommissionColumns({ onReject: setRejecting, showAffiliate: false })

  const table = useDataTable({
    columns,
    data: data?.affiliate_commissions ?? [],
    getRowId: (commission) => commission.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, commission) => setOpenId(commission.id),
  })

  return (
    <Container className="divide-y p-0" data-testid="affiliate-commissions-section">
      <div className="px-6 py-4">
        <Heading level="h2">Commissions</Heading>
      </div>
      {affiliate.commission_totals.map((totals) => (
        <CurrencyTotals key={totals.currency_code} totals={totals} />
      ))}
      <DataTable instance={table}>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No commissions yet",
              description: `Orders credited to ${affiliate.name} appear here.`,
            },
          }}
        />
        <DataTable.Pagination
          translations={paginationTranslations(data?.estimate_count !== undefined)}
        />
      </DataTable>
      <RejectCommissionsPrompt
        ids={rejecting}
        shown={data?.affiliate_commissions ?? []}
        onClose={() => setRejecting([])}
      />
      <CommissionDrawer id={openId} onClose={() => setOpenId(null)} />
    </Container>
  )
}
