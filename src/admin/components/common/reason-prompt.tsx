import { Button, Label, Prompt, Textarea } from "@medusajs/ui"
import { type ReactNode, useState } from "react"

type ReasonPromptProps = {
  /** The prompt is open while there is something to confirm. */
  open: boolean
  onClose: () => void
  title: string
  description: ReactNode
  /** The reason box's id, unique on the page. */
  id: string
  placeholder: string
  confirmText: string
  isPending: boolean
  /** Gets the reason as typed, trimmed; closing on success is the caller's. */
  onConfirm: (reason: string) => void
}

/**
 * A confirmation that needs a reason (rejecting a commission, failing a
 * payout): the affiliate and the next admin see why. The reason box is
 * mounted on each opening, so it starts empty.
 */
export const ReasonPrompt = ({ open, onClose, ...form }: ReasonPromptProps) => (
  <Prompt open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
    <Prompt.Content>
      <ReasonForm {...form} />
    </Prompt.Content>
  </Prompt>
)

const ReasonForm = ({
  title,
  description,
  id,
  placeholder,
  confirmText,
  isPending,
  onConfirm,
}: Omit<ReasonPromptProps, "open" | "onClose">) => {
  const [reason, setReason] = useState("")
  return (
    <>
      <Prompt.Header>
        <Prompt.Title>{title}</Prompt.Title>
        <Prompt.Description>{description}</Prompt.Description>
      </Prompt.Header>
      <div className="flex flex-col gap-y-2 px-6 pb-4">
        <Label htmlFor={id} size="small">
          Reason
        </Label>
        <Textarea
          id={id}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder={placeholder}
        />
      </div>
      <Prompt.Footer>
        <Prompt.Cancel>Cancel</Prompt.Cancel>
        <Button
          size="small"
          variant="danger"
          disabled={!reason.trim()}
          isLoading={isPending}
          onClick={() => onConfirm(reason.trim())}
        >
          {confirmText}
        </Button>
      </Prompt.Footer>
    </>
  )
}
