import { Plus, XMark } from "@medusajs/icons"
import { Button, Hint, IconButton } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * The parts of a list of editable rows (a program's tiers, the minimum
 * payouts): a row's remove button, its first error, the add button.
 */
export const RemoveRowButton = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <IconButton type="button" size="small" variant="transparent" aria-label={label} onClick={onClick}>
    <XMark />
  </IconButton>
)

export const RowError = ({ messages }: { messages: (string | undefined)[] }) => {
  const message = messages.find(Boolean)
  return message ? <Hint variant="error">{message}</Hint> : null
}

export const AddRowButton = ({
  onClick,
  disabled,
  children,
}: {
  onClick: () => void
  disabled?: boolean
  children: ReactNode
}) => (
  <div>
    <Button type="button" size="small" variant="secondary" disabled={disabled} onClick={onClick}>
      <Plus />
      {children}
    </Button>
  </div>
)
