import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A label and its value, one row of a detail section. */
export const SectionRow = ({
  label,
  children,
}: {
  label: string
  children: ReactNode
}) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4" data-row={label}>
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)
