import { Plus } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { formatMoney } from "../../lib/format"
import { BonusDrawer } from "../commissions/bonus-drawer"
import { CommissionList } from "../commissions/commission-list"
import { Figure } from "../common/figure"
import { SectionHeader } from "../common/section-header"
import { useAffiliateCommissions } from "../../hooks/api/affiliate-commissions"
import { useListState } from "../../hooks/use-list-state"
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
      <Figure key={key} label={label}>
        {formatMoney(Number(totals[key]), totals.currency_code)}
      </Figure>
    ))}
  </div>
)

/** What the affiliate has earned, per currency, and their ledger, with bonuses and deductions. */
export const AffiliateCommissionsSection = ({
  affiliate,
}: {
  affiliate: AffiliateWithStats
}) => {
  const list = useListState({ prefix: "commissions", pageSize: PAGE_SIZE, order: "-created_at" })
  const { data, isLoading } = useAffiliateCommissions({
    ...list.query,
    affiliate_id: affiliate.id,
  })
  const [isAddingBonus, setIsAddingBonus] = useState(false)

  return (
    <Container className="divide-y p-0" data-testid="affiliate-commissions-section">
      <SectionHeader
        title="Commissions"
        actions={[{ label: "Bonus or deduction", icon: <Plus />, onClick: () => setIsAddingBonus(true) }]}
      />
      {affiliate.commission_totals.map((totals) => (
        <CurrencyTotals key={totals.currency_code} totals={totals} />
      ))}
      <CommissionList
        list={list}
        page={data}
        isLoading={isLoading}
        emptyDescription={`Orders credited to ${affiliate.name} appear here.`}
        showAffiliate={false}
      />
      <BonusDrawer
        affiliate={affiliate}
        currencyCode={affiliate.commission_totals[0]?.currency_code}
        open={isAddingBonus}
        onOpenChange={setIsAddingBonus}
      />
    </Container>
  )
}
