import { Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionHeaderProps = {
  title: ReactNode
  /** h1 heads a page (its actions drop below on narrow screens); h2 a section. */
  level?: "h1" | "h2"
  description?: ReactNode
  /** Buttons at the header's end. */
  actions?: ReactNode
}

/** The heading row of a page or section: title, a line on what it is, actions. */
export const SectionHeader = ({ title, level = "h2", description, actions }: SectionHeaderProps) => (
  <div
    className={clx(
      "flex justify-between gap-2 px-6 py-4",
      level === "h1" ? "flex-col items-start md:flex-row md:items-center" : "items-center"
    )}
  >
    <div>
      <Heading level={level}>{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {actions && <div className="flex items-center gap-x-2">{actions}</div>}
  </div>
)
