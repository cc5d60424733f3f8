import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SectionRow } from "../components/common/section-row"
import {
  formatAdjustmentReason,
  formatMoney,
  formatRejectionReason,
} from "../components/commissions/format"
import {
  ATTRIBUTION_LABELS,
  CommissionStatusBadge,
} from "../components/commissions/status-badge"
import {
  type AffiliateCommission,
  useAffiliateCommissions,
} from "../hooks/api/affiliate-commissions"

/** Why the order credited the affiliate, in a sentence. */
const ATTRIBUTION_EXPLANATIONS = {
  connection: "The customer is connected to this affiliate.",
  coupon: "The order used a coupon assigned to this affiliate.",
  link: "The order came through this affiliate's referral link.",
} satisfies Record<AffiliateCommission["attribution"], string>

const CommissionRows = ({ commission }: { commission: AffiliateCommission }) => {
  const money = (amount: number) => formatMoney(amount, commission.currency_code)
  const reason = formatRejectionReason(commission.reason)
  return (
    <>
      <SectionRow label="Affiliate">
        {commission.affiliate ? (
          <Link
            to={`/affiliates/${commission.affiliate.id}`}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          >
            {commission.affiliate.name} ({commission.affiliate.code})
          </Link>
        ) : (
          "Deleted affiliate"
        )}
      </SectionRow>
      <SectionRow label="Attribution">
        <div className="flex flex-col">
          <span>{ATTRIBUTION_LABELS[commission.attribution]}</span>
          <Text size="xsmall" className="text-ui-fg-muted">
            {ATTRIBUTION_EXPLANATIONS[commission.attribution]}
          </Text>
        </div>
      </SectionRow>
      <SectionRow label="Status">
        <div className="flex flex-col items-start gap-y-1">
          <CommissionStatusBadge status={commission.status} />
          {commission.status === "rejected" && reason && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {reason}
            </Text>
          )}
        </div>
      </SectionRow>
      <SectionRow label="Commission">
        {money(commission.amount)} ({commission.rate}% of {money(commission.base_amount)})
      </SectionRow>
      {commission.adjustments.map((adjustment) => (
        <SectionRow key={adjustment.id} label="Adjustment">
          {money(adjustment.amount)} ({formatAdjustmentReason(adjustment.reason)})
        </SectionRow>
      ))}
      {commission.adjustments.length > 0 && (
        <SectionRow label="Net">{money(commission.net_amount)}</SectionRow>
      )}
    </>
  )
}

/** On Medusa's order page: the commission the order earned, and why. */
const OrderAffiliateCommissionWidget = ({
  data: order,
}: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data, isLoading } = useAffiliateCommissions({ order_id: order.id, limit: 10 })
  const commissions = data?.affiliate_commissions ?? []

  return (
    <Container className="divide-y p-0" data-testid="order-affiliate-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Affiliate commission</Heading>
      </div>
      {!isLoading && commissions.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No affiliate is credited with this order.
          </Text>
        </div>
      )}
      {commissions.map((commission) => (
        <CommissionRows key={commission.id} commission={commission} />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderAffiliateCommissionWidget
