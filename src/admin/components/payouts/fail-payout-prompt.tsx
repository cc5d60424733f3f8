import { Button, Label, Prompt, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { type AffiliatePayout, useUpdateAffiliatePayout } from "../../hooks/api/affiliate-payouts"
import { formatMoney } from "../../lib/format"

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
  const [reason, setReason] = useState("")
  const { mutate, isPending } = useUpdateAffiliatePayout()

  const close = () => {
    setReason("")
    onClose()
  }

  return (
    <Prompt open={!!payout} onOpenChange={(open) => (open ? undefined : close())}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>Mark this payout failed?</Prompt.Title>
          <Prompt.Description>
            {payout
              ? `${payout.affiliate?.name ?? "A deleted affiliate"}: ${formatMoney(
                  payout.amount,
                  payout.currency_code
                )}. `
              : ""}
            Its commissions become payable again and go into the next batch.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4">
          <Label htmlFor="payout-fail-reason" size="small">
            Reason
          </Label>
          <Textarea
            id="payout-fail-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="For example: the PayPal account does not exist"
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel onClick={close}>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant="danger"
            disabled={!reason.trim()}
            isLoading={isPending}
            onClick={() =>
              payout &&
              mutate(
                { id: payout.id, status: "failed", reason: reason.trim() },
                { onSuccess: close }
              )
            }
          >
            Mark failed
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
