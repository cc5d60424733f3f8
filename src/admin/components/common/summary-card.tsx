import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * Something picked or given, shown as a card: a title and a second line
 * (a customer and their email), with room for an icon and an action.
 */
export const SummaryCard = ({
  title,
  description,
  icon,
  action,
  ...props
}: {
  title: string
  description: string
  icon?: ReactNode
  action?: ReactNode
  "data-testid"?: string
}) => (
  <div
    className="bg-ui-bg-component shadow-elevation-card-rest flex items-center justify-between gap-x-3 rounded-lg px-4 py-3"
    {...props}
  >
    <div className="flex items-center gap-x-3">
      {icon}
      <div className="flex flex-col">
        <Text size="small" weight="plus" leading="compact">
          {title}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
    </div>
    {action}
  </div>
)
