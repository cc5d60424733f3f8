import { ArrowDownTray } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { formatDate, formatMoneyList, plural } from "../../../../lib/format"
import { RecordPage, recordBreadcrumb } from "../../../../components/common/record-page"
import { SectionHeader } from "../../../../components/common/section-header"
import { PayoutList } from "../../../../components/payouts/payout-list"
import { PayoutBatchStatusBadge } from "../../../../components/payouts/status-badge"
import {
  type AffiliatePayoutBatchDetail,
  useAffiliatePayoutBatch,
  useExportAffiliatePayoutBatch,
} from "../../../../hooks/api/affiliate-payouts"

const AffiliatePayoutBatchPage = () => {
  const { id = "" } = useParams()
  return (
    <RecordPage query={useAffiliatePayoutBatch(id)} sections={1}>
      {({ affiliate_payout_batch }) => <PayoutBatch batch={affiliate_payout_batch} />}
    </RecordPage>
  )
}

/** A batch's totals and payouts, with its exports (a CSV, PayPal files). */
const PayoutBatch = ({ batch }: { batch: AffiliatePayoutBatchDetail }) => {
  const exportBatch = useExportAffiliatePayoutBatch(batch.id)
  return (
    <Container className="divide-y p-0" data-testid="payout-batch">
      <SectionHeader
        level="h1"
        title={`Payout batch of ${formatDate(batch.created_at)}`}
        badge={<PayoutBatchStatusBadge batch={batch} />}
        description={
          <span data-testid="payout-batch-totals">
            {plural(batch.payout_count, "payout", "payouts")}
            {batch.totals.length ? `: ${formatMoneyList(batch.totals)}` : ""}
          </span>
        }
        actions={[
          {
            label: "Export CSV",
            icon: <ArrowDownTray />,
            isLoading: exportBatch.isPending && exportBatch.variables?.format === "csv",
            onClick: () => exportBatch.mutate({ format: "csv" }),
          },
          // PayPal takes one currency a file.
          ...batch.totals.map(({ currency_code }) => ({
            label: `PayPal file${batch.totals.length > 1 ? ` (${currency_code.toUpperCase()})` : ""}`,
            icon: <ArrowDownTray />,
            isLoading:
              exportBatch.isPending &&
              exportBatch.variables?.format === "paypal" &&
              exportBatch.variables.currency_code === currency_code,
            onClick: () => exportBatch.mutate({ format: "paypal", currency_code }),
          })),
        ]}
      />
      <PayoutList
        payouts={batch.payouts}
        empty={{ heading: "No payouts", description: "This batch has no payouts." }}
      />
    </Container>
  )
}

export const handle = recordBreadcrumb(useAffiliatePayoutBatch, ({ affiliate_payout_batch }) =>
  formatDate(affiliate_payout_batch.created_at)
)

export default AffiliatePayoutBatchPage
