import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { type UIMatch, useParams } from "react-router-dom"
import { formatDate, formatMoneyList, plural } from "../../../../lib/format"
import { PageSkeleton } from "../../../../components/common/page-skeleton"
import { SectionHeader } from "../../../../components/common/section-header"
import { PayoutList } from "../../../../components/payouts/payout-list"
import {
  useAffiliatePayoutBatch,
  useExportAffiliatePayoutBatch,
} from "../../../../hooks/api/affiliate-payouts"

const AffiliatePayoutBatchPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useAffiliatePayoutBatch(id)
  const exportBatch = useExportAffiliatePayoutBatch(id)

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
      <SectionHeader
        level="h1"
        title={`Payout batch of ${formatDate(batch.created_at)}`}
        description={
          <span data-testid="payout-batch-totals">
            {plural(batch.payout_count, "payout", "payouts")}
            {batch.totals.length ? `: ${formatMoneyList(batch.totals)}` : ""}
          </span>
        }
        actions={
          <>
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
          </>
        }
      />
      <PayoutList
        payouts={batch.payouts}
        empty={{ heading: "No payouts", description: "This batch has no payouts." }}
      />
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
