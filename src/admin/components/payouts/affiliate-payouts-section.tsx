import { Container, Skeleton, Text } from "@medusajs/ui"
import {
  type AffiliateBalance,
  useAffiliateBalances,
  useAffiliatePayouts,
} from "../../hooks/api/affiliate-payouts"
import type { AffiliateDetailResponse } from "../../hooks/api/affiliates"
import { useListState } from "../../hooks/use-list-state"
import { formatMoney } from "../../lib/format"
import { formatPayoutDetails, PAYOUT_METHOD_LABELS } from "./payout-method"
import { Figure } from "../common/figure"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { PayoutList } from "./payout-list"

const PAGE_SIZE = 10

type BalancePart = "on_hold" | "payable" | "in_payout" | "paid"

const BALANCE_PARTS: { key: BalancePart; label: string }[] = [
  { key: "on_hold", label: "On hold" },
  { key: "payable", label: "Payable" },
  { key: "in_payout", label: "In payouts" },
  { key: "paid", label: "Paid" },
]

const CurrencyBalance = ({ balance }: { balance: AffiliateBalance }) => (
  <div
    className="grid grid-cols-2 gap-4 px-6 py-4 sm:grid-cols-4"
    data-testid={`payout-balance-${balance.currency_code}`}
  >
    {BALANCE_PARTS.map(({ key, label }) => (
      <Figure key={key} label={label} data-balance={key}>
        {formatMoney(balance[key], balance.currency_code)}
      </Figure>
    ))}
  </div>
)

/** What the affiliate is owed per currency, where to pay them, and their payouts. */
export const AffiliatePayoutsSection = ({
  affiliate,
}: {
  affiliate: AffiliateDetailResponse["affiliate"]
}) => {
  const balances = useAffiliateBalances({ affiliate_id: [affiliate.id], limit: 100 })
  // The affiliate's page has more than one list: each keeps its page apart.
  const list = useListState({ prefix: "payouts", pageSize: PAGE_SIZE })
  const { data, isLoading } = useAffiliatePayouts({ ...list.query, affiliate_id: affiliate.id })

  const details = formatPayoutDetails(affiliate)

  return (
    <Container className="divide-y p-0" data-testid="affiliate-payouts-section">
      <SectionHeader title="Payouts" />
      <SectionRow label="Payout method">
        {affiliate.payout_method ? PAYOUT_METHOD_LABELS[affiliate.payout_method] : "Not set"}
      </SectionRow>
      {affiliate.payout_method && (
        <SectionRow label="Payout details">
          <span className="whitespace-pre-line">{details ?? "-"}</span>
        </SectionRow>
      )}
      {balances.isLoading ? (
        <div className="px-6 py-4">
          <Skeleton className="h-10 w-full" />
        </div>
      ) : balances.data?.affiliate_balances.length ? (
        balances.data.affiliate_balances.map((balance) => (
          <CurrencyBalance key={balance.currency_code} balance={balance} />
        ))
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Nothing earned yet.
          </Text>
        </div>
      )}
      <PayoutList
        list={list}
        payouts={data?.affiliate_payouts}
        count={data?.count}
        isLoading={isLoading}
        empty={{
          heading: "No payouts yet",
          description: `Payouts to ${affiliate.name} appear here once a batch includes them.`,
        }}
        showAffiliate={false}
      />
    </Container>
  )
}
