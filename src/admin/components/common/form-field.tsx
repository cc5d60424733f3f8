import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

type FormFieldProps = {
  /** The control's id, which the label names. */
  id: string
  label: string
  optional?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** A form control with its label, and its error in place of its hint. */
export const FormField = ({ id, label, optional, hint, error, children }: FormFieldProps) => (
  <div className="flex flex-col gap-y-2">
    <Label size="small" weight="plus" htmlFor={id}>
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (Optional)</span>}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint && <Hint>{hint}</Hint>}
  </div>
)
