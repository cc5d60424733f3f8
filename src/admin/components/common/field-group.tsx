import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type FieldGroupProps = {
  title: string
  description: string
  /** The heading beside the fields, as on a settings page; else above them. */
  beside?: boolean
  children: ReactNode
}

/** Fields that belong together, under a heading and a line on what they set. */
export const FieldGroup = ({ title, description, beside, children }: FieldGroupProps) => (
  <section
    aria-label={title}
    className={
      beside ? "grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2" : "flex flex-col gap-y-4"
    }
  >
    <div className="flex flex-col gap-y-1">
      <Heading level={beside ? "h2" : "h3"}>{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {beside ? <div className="flex flex-col gap-y-4">{children}</div> : children}
  </section>
)
