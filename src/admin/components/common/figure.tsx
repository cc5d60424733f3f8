import { Text } from "@medusajs/ui"
import type { HTMLAttributes, ReactNode } from "react"

type FigureProps = HTMLAttributes<HTMLDivElement> & { label: string; children: ReactNode }

/** A labelled figure in a row of them: a currency's totals, a sync run's counts. */
export const Figure = ({ label, children, ...props }: FigureProps) => (
  <div className="flex flex-col" {...props}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus" leading="compact">
      {children}
    </Text>
  </div>
)
