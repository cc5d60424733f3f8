import { PencilSquare } from "@medusajs/icons"
import { Container, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import {
  type AffiliateBalance,
  useAffiliateBalances,
  useAffiliatePayouts,
} from "../../hooks/api/affiliate-payouts"
import type { AffiliateDetailResponse } from "../../hooks/api/affiliates"
import { useAdminUser } from "../../hooks/api/medusa-catalog"
import { useListState } from "../../hooks/use-list-state"
import { formatDate, formatMoney } from "../../lib/format"
import { formatPayoutDetails, PAYOUT_METHOD_LABELS, PAYOUT_METHOD_SET_BY_AFFILIATE } from "./payout-method"
import { Figure } from "../common/figure"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { EditPayoutMethodDrawer } from "./edit-payout-method-drawer"
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

/** "By the affiliate on 7 Dec 2026", or by which admin: who chose where the money goes matters. */
const useSetBy = (affiliate: AffiliateDetailResponse["affiliate"]) => {
  const byAffiliate = affiliate.payout_method_updated_by === PAYOUT_METHOD_SET_BY_AFFILIATE
  const { data: user } = useAdminUser(byAffiliate ? null : affiliate.payout_method_updated_by)
  if (!affiliate.payout_method_updated_at) {
    return null
  }
  const who = byAffiliate ? "the affiliate" : (user?.email ?? "an admin")
  return `By ${who} on ${formatDate(affiliate.payout_method_updated_at)}`
}

/**
 * What the affiliate is owed per currency, where to pay them (which an admin
 * may set), and their payouts.
 */
export const AffiliatePayoutsSection = ({
  affiliate,
}: {
  affiliate: AffiliateDetailResponse["affiliate"]
}) => {
  const balances = useAffiliateBalances({ affiliate_id: [affiliate.id], limit: 100 })
  // The affiliate's page has more than one list: each keeps its page apart.
  const list = useListState({ prefix: "payouts", pageSize: PAGE_SIZE })
  const { data, isLoading } = useAffiliatePayouts({ ...list.query, affiliate_id: affiliate.id })

  const [isEditingMethod, setIsEditingMethod] = useState(false)

  const details = formatPayoutDetails(affiliate)
  const changed = useSetBy(affiliate)

  return (
    <Container className="divide-y p-0" data-testid="affiliate-payouts-section">
      <SectionHeader
        title="Payouts"
        actions={[
          {
            label: "Edit payout method",
            icon: <PencilSquare />,
            onClick: () => setIsEditingMethod(true),
          },
        ]}
      />
      <SectionRow label="Payout method">
        {affiliate.payout_method ? (
          PAYOUT_METHOD_LABELS[affiliate.payout_method]
        ) : (
          <span className="text-ui-fg-error" data-testid="payout-method-missing">
            Not set: payout batches leave them out
          </span>
        )}
      </SectionRow>
      {affiliate.payout_method && (
        <SectionRow label="Payout details">
          <span className="whitespace-pre-line">{details ?? "-"}</span>
        </SectionRow>
      )}
      {changed && <SectionRow label="Last changed">{changed}</SectionRow>}
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
      <EditPayoutMethodDrawer
        affiliate={affiliate}
        open={isEditingMethod}
        onOpenChange={setIsEditingMethod}
      />
    </Container>
  )
}
