import { Button, Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A button of a header: every one is a small secondary button. */
export type HeaderAction = {
  label: string
  onClick: () => void
  icon?: ReactNode
  isLoading?: boolean
  disabled?: boolean
}

type SectionHeaderProps = {
  title: ReactNode
  /** h1 heads a page (its actions drop below on narrow screens); h2 a section. */
  level?: "h1" | "h2"
  /** Beside the title: the record's status. */
  badge?: ReactNode
  description?: ReactNode
  actions?: HeaderAction[]
  /** A "⋯" menu after the buttons. */
  menu?: ReactNode
}

/** The heading row of a page or section: title, a line on what it is, actions. */
export const SectionHeader = ({
  title,
  level = "h2",
  badge,
  description,
  actions = [],
  menu,
}: SectionHeaderProps) => (
  <div
    className={clx(
      "flex justify-between gap-2 px-6 py-4",
      level === "h1" ? "flex-col items-start md:flex-row md:items-center" : "items-center"
    )}
  >
    <div>
      <div className="flex items-center gap-x-3">
        <Heading level={level}>{title}</Heading>
        {badge}
      </div>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {(actions.length > 0 || menu) && (
      <div className="flex items-center gap-x-2">
        {actions.map(({ label, onClick, icon, isLoading, disabled }) => (
          <Button
            key={label}
            size="small"
            variant="secondary"
            isLoading={isLoading}
            disabled={disabled}
            onClick={onClick}
          >
            {icon}
            {label}
          </Button>
        ))}
        {menu}
      </div>
    )}
  </div>
)
