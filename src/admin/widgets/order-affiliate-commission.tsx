import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { ArrowPath, Plus } from "@medusajs/icons"
import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { CommissionDetails } from "../components/commissions/commission-details"
import { CreditOrderDrawer } from "../components/commissions/credit-order-drawer"
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
  const [isCrediting, setIsCrediting] = useState(false)
  const { data, isLoading } = useAffiliateCommissions({ order_id: order.id, limit: 10 })
  const commissions = data?.affiliate_commissions ?? []
  // An order whose only commissions were rejected credits nobody either.
  const creditsNobody =
    !isLoading && order.status !== "canceled" && commissions.every((commission) => commission.status === "rejected")

  return (
    <Container className="divide-y p-0" data-testid="order-affiliate-widget">
      <SectionHeader
        title="Affiliate commission"
        actions={
          creditsNobody
            ? [{ label: "Credit to an affiliate", icon: <Plus />, onClick: () => setIsCrediting(true) }]
            : []
        }
      />
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
      <CreditOrderDrawer order={order} open={isCrediting} onOpenChange={setIsCrediting} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderAffiliateCommissionWidget
