import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type FieldGroupProps = {
  title: string
  description: string
  children: ReactNode
}

/** Fields that belong together, under a heading and a line on what they set. */
export const FieldGroup = ({ title, description, children }: FieldGroupProps) => (
  <section aria-label={title} className="flex flex-col gap-y-4">
    <div className="flex flex-col gap-y-1">
      <Heading level="h3">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </section>
)
