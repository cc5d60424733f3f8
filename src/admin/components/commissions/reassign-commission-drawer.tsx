import { Hint, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { AffiliateSummary } from "../../hooks/api/affiliate-connections"
import {
  type AffiliateCommission,
  useReassignAffiliateCommission,
} from "../../hooks/api/affiliate-commissions"
import { formatMoney } from "../../lib/format"
import { serverErrorMessage } from "../../lib/server-errors"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"
import { AffiliatePicker } from "../connections/affiliate-picker"

/** Only a commission not yet paid, nor already moved, can go to another affiliate. */
export const canReassign = (commission: AffiliateCommission) =>
  (commission.status === "pending" || commission.status === "approved") &&
  !commission.reassigned_to_id

/**
 * Moves a commission to another affiliate (the wrong one was credited): the
 * commission is rejected with the reason and a new one credits the other
 * affiliate. The server's refusal is shown in the form.
 */
export const ReassignCommissionDrawer = ({
  commission,
  onClose,
}: {
  /** The commission to move; the drawer is open while there is one. */
  commission: AffiliateCommission | null
  onClose: () => void
}) => (
  <FormDrawer
    title="Reassign commission"
    open={!!commission}
    onOpenChange={(open) => (open ? undefined : onClose())}
  >
    {commission && <ReassignForm commission={commission} onDone={onClose} />}
  </FormDrawer>
)

const ReassignForm = ({
  commission,
  onDone,
}: {
  commission: AffiliateCommission
  onDone: () => void
}) => {
  const [affiliate, setAffiliate] = useState<AffiliateSummary | null>(null)
  const [reason, setReason] = useState("")
  const reassign = useReassignAffiliateCommission()
  const order = commission.order ? `order #${commission.order.display_id}` : "this order"

  const onSubmit = () => {
    if (!affiliate || !reason.trim()) {
      return
    }
    reassign.mutate(
      { id: commission.id, affiliate_id: affiliate.id, reason: reason.trim() },
      { onSuccess: onDone }
    )
  }

  return (
    <DrawerForm
      onSubmit={onSubmit}
      submitLabel="Reassign"
      isSubmitting={reassign.isPending}
      submitDisabled={!affiliate || !reason.trim()}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {commission.affiliate?.name ?? "A deleted affiliate"} earned{" "}
        {formatMoney(commission.amount, commission.currency_code)} on {order}. Reassigning
        rejects this commission and gives a new one, with the same amount, to
        the affiliate you pick.
      </Text>
      <FormField label="New affiliate">
        <AffiliatePicker
          value={affiliate}
          onChange={setAffiliate}
          excludeId={commission.affiliate_id}
        />
      </FormField>
      <FormField id="commission-reassign-reason" label="Reason">
        <Textarea
          id="commission-reassign-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="For example: the customer was referred by another affiliate"
        />
      </FormField>
      {reassign.error && (
        <Hint variant="error" data-testid="reassign-error">
          {serverErrorMessage(reassign.error)}
        </Hint>
      )}
    </DrawerForm>
  )
}
