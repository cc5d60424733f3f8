import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import type { ReactNode } from "react"

export type RowAction = {
  label: string
  icon: ReactNode
  onClick: () => void
}

/**
 * A table row's "⋯" menu. A row with nothing left to do (a paid commission, an
 * ended connection) gets no menu, rather than one that opens empty as the
 * DataTable's own action column does.
 */
export const RowActionsMenu = ({ label, actions }: { label: string; actions: RowAction[] }) => {
  if (!actions.length) {
    return null
  }
  return (
    // The row itself may be clickable: opening the menu must not follow it.
    <div className="flex justify-end" onClick={(event) => event.stopPropagation()}>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label={label}>
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          {actions.map((action) => (
            <DropdownMenu.Item key={action.label} className="gap-x-2" onClick={action.onClick}>
              <span className="text-ui-fg-subtle">{action.icon}</span>
              {action.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}
