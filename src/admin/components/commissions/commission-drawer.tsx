import { ArrowPath } from "@medusajs/icons"
import { Button, Drawer, Skeleton } from "@medusajs/ui"
import { useState } from "react"
import {
  type AffiliateCommission,
  useAffiliateCommission,
} from "../../hooks/api/affiliate-commissions"
import { SectionRow } from "../common/section-row"
import { TextLink } from "../common/text-link"
import { formatDateTime, personName } from "../../lib/format"
import { CommissionDetails } from "./commission-details"
import { ReassignCommissionDrawer, canReassign } from "./reassign-commission-drawer"

/**
 * One commission of the ledger in full: its order and buyer, how each line
 * earned, the tier, and a Reassign action. A reassignment's other side opens
 * in the same drawer.
 */
export const CommissionDrawer = ({
  id,
  onClose,
}: {
  /** The commission shown; the drawer is open while there is one. */
  id: string | null
  onClose: () => void
}) => {
  // The commission on screen: the one opened, or the other side of its reassignment.
  const [shownId, setShownId] = useState<string | null>(null)
  const [reassigning, setReassigning] = useState<AffiliateCommission | null>(null)
  const currentId = shownId ?? id
  const { data, isLoading } = useAffiliateCommission(currentId)
  const commission = data?.affiliate_commission

  const close = () => {
    setShownId(null)
    onClose()
  }

  return (
    <Drawer open={!!id} onOpenChange={(open) => (open ? undefined : close())}>
      <Drawer.Content data-testid="commission-drawer">
        <Drawer.Header>
          <Drawer.Title>
            {commission?.order ? `Commission on order #${commission.order.display_id}` : "Commission"}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex-1 divide-y overflow-y-auto p-0">
          {isLoading || !commission ? (
            <div className="flex flex-col gap-y-3 px-6 py-4">
              <Skeleton className="h-5 w-full" />
              <Skeleton className="h-5 w-full" />
              <Skeleton className="h-5 w-2/3" />
            </div>
          ) : (
            <>
              <SectionRow label="Order">
                <TextLink to={`/orders/${commission.order_id}`}>
                  {commission.order ? `#${commission.order.display_id}` : "Order"}
                </TextLink>
              </SectionRow>
              <SectionRow label="Date">{formatDateTime(commission.created_at)}</SectionRow>
              <SectionRow label="Buyer">
                {commission.customer ? (
                  <TextLink to={`/customers/${commission.customer.id}`}>
                    {personName(commission.customer)}
                  </TextLink>
                ) : (
                  "-"
                )}
              </SectionRow>
              <CommissionDetails commission={commission} onOpenCommission={setShownId} />
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          {commission && canReassign(commission) && (
            <Button size="small" variant="secondary" onClick={() => setReassigning(commission)}>
              <ArrowPath />
              Reassign
            </Button>
          )}
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Close
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
        <ReassignCommissionDrawer
          commission={reassigning}
          onClose={() => setReassigning(null)}
        />
      </Drawer.Content>
    </Drawer>
  )
}
