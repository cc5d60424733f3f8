import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { CommissionDetails } from "../components/commissions/commission-details"
import {
  ReassignCommissionDrawer,
  canReassign,
} from "../components/commissions/reassign-commission-drawer"
import { SectionHeader } from "../components/common/section-header"
import {
  type AffiliateCommission,
  useAffiliateCommissions,
} from "../hooks/api/affiliate-commissions"

/** On Medusa's order page: the commission the order earned, and why. */
const OrderAffiliateCommissionWidget = ({
  data: order,
}: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const [reassigning, setReassigning] = useState<AffiliateCommission | null>(null)
  const { data, isLoading } = useAffiliateCommissions({ order_id: order.id, limit: 10 })
  const commissions = data?.affiliate_commissions ?? []

  return (
    <Container className="divide-y p-0" data-testid="order-affiliate-widget">
      <SectionHeader title="Affiliate commission" />
      {!isLoading && commissions.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No affiliate is credited with this order.
          </Text>
        </div>
      )}
      {commissions.map((commission) => (
        <div key={commission.id} className="divide-y" data-testid="order-commission">
          <CommissionDetails commission={commission} />
          {canReassign(commission) && (
            <div className="flex justify-end px-6 py-3">
              <Button size="small" variant="secondary" onClick={() => setReassigning(commission)}>
                <ArrowPath />
                Reassign
              </Button>
            </div>
          )}
        </div>
      ))}
      <ReassignCommissionDrawer commission={reassigning} onClose={() => setReassigning(null)} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderAffiliateCommissionWidget
