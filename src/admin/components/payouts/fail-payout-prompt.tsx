import { type AffiliatePayout, useUpdateAffiliatePayout } from "../../hooks/api/affiliate-payouts"
import { formatMoney } from "../../lib/format"
import { ReasonPrompt } from "../common/reason-prompt"

/**
 * A failed payout releases its commissions to the next batch; the reason tells
 * the next admin (and the affiliate's support) why the money did not arrive.
 */
export const FailPayoutPrompt = ({
  payout,
  onClose,
}: {
  /** The payout to fail; the prompt is open while there is one. */
  payout: AffiliatePayout | null
  onClose: () => void
}) => {
  const { mutate, isPending } = useUpdateAffiliatePayout()
  return (
    <ReasonPrompt
      open={!!payout}
      onClose={onClose}
      title="Mark this payout failed?"
      description={`${
        payout
          ? `${payout.affiliate?.name ?? "A deleted affiliate"}: ${formatMoney(
              payout.amount,
              payout.currency_code
            )}. `
          : ""
      }Its commissions become payable again and go into the next batch.`}
      id="payout-fail-reason"
      placeholder="For example: the PayPal account does not exist"
      confirmText="Mark failed"
      isPending={isPending}
      onConfirm={(reason) =>
        payout && mutate({ id: payout.id, status: "failed", reason }, { onSuccess: onClose })
      }
    />
  )
}
