import { Hint, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { AffiliateSummary } from "../../hooks/api/affiliate-connections"
import { useCreditOrderByHand } from "../../hooks/api/affiliate-commissions"
import { serverErrorMessage } from "../../lib/server-errors"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"
import { AffiliatePicker } from "../connections/affiliate-picker"

type CreditOrderDrawerProps = {
  order: { id: string; display_id?: number | null }
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * Credits an order that credits nobody to an affiliate (they brought the
 * customer, but no link, coupon or connection says so), with a note.
 */
export const CreditOrderDrawer = ({ order, open, onOpenChange }: CreditOrderDrawerProps) => (
  <FormDrawer title="Credit to an affiliate" open={open} onOpenChange={onOpenChange}>
    <CreditOrderForm order={order} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const CreditOrderForm = ({ order, onDone }: { order: CreditOrderDrawerProps["order"]; onDone: () => void }) => {
  const [affiliate, setAffiliate] = useState<AffiliateSummary | null>(null)
  const [note, setNote] = useState("")
  const credit = useCreditOrderByHand()

  const onSubmit = () => {
    if (!affiliate || !note.trim()) {
      return
    }
    credit.mutate({ order_id: order.id, affiliate_id: affiliate.id, note: note.trim() }, { onSuccess: onDone })
  }

  return (
    <DrawerForm
      onSubmit={onSubmit}
      submitLabel="Credit order"
      isSubmitting={credit.isPending}
      submitDisabled={!affiliate || !note.trim()}
    >
      <Text size="small" className="text-ui-fg-subtle">
        Order {order.display_id ? `#${order.display_id}` : ""} earns the affiliate you pick a
        commission under their program, as if they had referred it.
      </Text>
      <FormField label="Affiliate">
        <AffiliatePicker value={affiliate} onChange={setAffiliate} />
      </FormField>
      <FormField
        id="credit-order-note"
        label="Note"
        hint="Why they are credited. The affiliate sees it with the commission."
      >
        <Textarea
          id="credit-order-note"
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
          placeholder="For example: the customer ordered by phone after meeting them"
        />
      </FormField>
      {credit.error && <Hint variant="error">{serverErrorMessage(credit.error)}</Hint>}
    </DrawerForm>
  )
}
