import {
  type AffiliateCommission,
  useUpdateAffiliateCommissions,
} from "../../hooks/api/affiliate-commissions"
import { formatMoney } from "../../lib/format"
import { ReasonPrompt } from "../common/reason-prompt"

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
  onClose,
}: {
  /** The commissions to reject; the prompt is open while there are any. */
  ids: string[]
  /** The rows on screen, to name the commission when there is one. */
  shown: AffiliateCommission[]
  onClose: () => void
}) => {
  const { mutate, isPending } = useUpdateAffiliateCommissions()
  const count = ids.length
  const single = count === 1 ? shown.find((commission) => commission.id === ids[0]) : undefined

  return (
    <ReasonPrompt
      open={count > 0}
      onClose={onClose}
      title={
        single?.order
          ? `Reject the commission on order #${single.order.display_id}?`
          : `Reject ${count === 1 ? "this commission" : `${count} commissions`}?`
      }
      description={`${
        single ? `${describeCommission(single)} ` : ""
      }A rejected commission is never paid. Say why, for the affiliate and your team.`}
      id="commission-reject-reason"
      placeholder="For example: order returned outside the refund flow"
      confirmText="Reject"
      isPending={isPending}
      onConfirm={(reason) => mutate({ ids, status: "rejected", reason }, { onSuccess: onClose })}
    />
  )
}
