import { ArrowDownTray } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { type UIMatch, useParams } from "react-router-dom"
import { formatDate, formatMoneyList, plural } from "../../../../lib/format"
import { PageSkeleton } from "../../../../components/common/page-skeleton"
import { FailPayoutPrompt } from "../../../../components/payouts/fail-payout-prompt"
import { usePayoutColumns } from "../../../../components/payouts/use-payout-columns"
import {
  type AffiliatePayout,
  useAffiliatePayoutBatch,
  useExportAffiliatePayoutBatch,
} from "../../../../hooks/api/affiliate-payouts"

const AffiliatePayoutBatchPage = () => {
  const { id = "" } = useParams()
  const [failing, setFailing] = useState<AffiliatePayout | null>(null)
  const { data, isLoading, isError, error } = useAffiliatePayoutBatch(id)
  const exportBatch = useExportAffiliatePayoutBatch(id)
  const columns = usePayoutColumns({ onFail: setFailing })
  const payouts = data?.affiliate_payout_batch.payouts ?? []

  const table = useDataTable({
    columns,
    data: payouts,
    getRowId: (payout) => payout.id,
    rowCount: payouts.length,
    isLoading,
  })

  if (isError) {
    // Medusa's route error boundary shows not-found and other errors.
    throw error
  }

  if (isLoading || !data) {
    return <PageSkeleton sections={1} />
  }

  const batch = data.affiliate_payout_batch

  return (
    <Container className="divide-y p-0" data-testid="payout-batch">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Payout batch of {formatDate(batch.created_at)}</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="payout-batch-totals">
            {plural(batch.payout_count, "payout", "payouts")}
            {batch.totals.length ? `: ${formatMoneyList(batch.totals)}` : ""}
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button
            size="small"
            variant="secondary"
            isLoading={exportBatch.isPending && exportBatch.variables?.format === "csv"}
            onClick={() => exportBatch.mutate({ format: "csv" })}
          >
            <ArrowDownTray />
            Export CSV
          </Button>
          {/* PayPal takes one currency a file. */}
          {batch.totals.map(({ currency_code }) => (
            <Button
              key={currency_code}
              size="small"
              variant="secondary"
              isLoading={
                exportBatch.isPending &&
                exportBatch.variables?.format === "paypal" &&
                exportBatch.variables.currency_code === currency_code
              }
              onClick={() => exportBatch.mutate({ format: "paypal", currency_code })}
            >
              <ArrowDownTray />
              PayPal file{batch.totals.length > 1 ? ` (${currency_code.toUpperCase()})` : ""}
            </Button>
          ))}
        </div>
      </div>
      <DataTable instance={table}>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No payouts",
              description: "This batch has no payouts.",
            },
          }}
        />
      </DataTable>
      <FailPayoutPrompt payout={failing} onClose={() => setFailing(null)} />
    </Container>
  )
}

const BatchBreadcrumb = ({ params }: UIMatch) => {
  const { data } = useAffiliatePayoutBatch(params.id ?? "")
  return data ? <span>{formatDate(data.affiliate_payout_batch.created_at)}</span> : null
}

export const handle = {
  breadcrumb: (match: UIMatch) => <BatchBreadcrumb {...match} />,
}

export default AffiliatePayoutBatchPage
