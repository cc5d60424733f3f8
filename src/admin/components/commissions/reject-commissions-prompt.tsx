import { Button, Label, Prompt, Textarea } from "@medusajs/ui"
import { useState } from "react"
import {
  type AffiliateCommission,
  useUpdateAffiliateCommissions,
} from "../../hooks/api/affiliate-commissions"
import { formatMoney } from "../../lib/format"

/** "Linus (LINUS15), €6.00 on order #12": which commission a one-row rejection is about. */
const describeCommission = (commission: AffiliateCommission) => {
  const order = commission.order ? `order #${commission.order.display_id}` : "its order"
  const affiliate = commission.affiliate
    ? `${commission.affiliate.name} (${commission.affiliate.code})`
    : "A deleted affiliate"
  return `${affiliate} earned ${formatMoney(commission.amount, commission.currency_code)} on ${order}.`
}

/**
 * Rejecting a commission needs a reason: the affiliate and the next admin see
 * it beside the rejected row.
 */
export const RejectCommissionsPrompt = ({
  ids,
  shown,
  onOpenChange,
}: {
  /** The commissions to reject; the prompt is open while there are any. */
  ids: string[]
  /** The rows on screen, to name the commission when there is one. */
  shown: AffiliateCommission[]
  onOpenChange: (open: boolean) => void
}) => {
  const [reason, setReason] = useState("")
  const { mutate, isPending } = useUpdateAffiliateCommissions()
  const count = ids.length
  const single = count === 1 ? shown.find((commission) => commission.id === ids[0]) : undefined

  const close = () => {
    setReason("")
    onOpenChange(false)
  }

  const onReject = () =>
    mutate(
      { ids, status: "rejected", reason: reason.trim() },
      { onSuccess: close }
    )

  return (
    <Prompt open={count > 0} onOpenChange={(open) => (open ? undefined : close())}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>
            {single?.order
              ? `Reject the commission on order #${single.order.display_id}?`
              : `Reject ${count === 1 ? "this commission" : `${count} commissions`}?`}
          </Prompt.Title>
          <Prompt.Description>
            {single ? `${describeCommission(single)} ` : ""}A rejected commission is
            never paid. Say why, for the affiliate and your team.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4">
          <Label htmlFor="commission-reject-reason" size="small">
            Reason
          </Label>
          <Textarea
            id="commission-reject-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="For example: order returned outside the refund flow"
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel onClick={close}>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant="danger"
            disabled={!reason.trim()}
            isLoading={isPending}
            onClick={onReject}
          >
            Reject
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
