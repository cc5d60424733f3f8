import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton, createDataTableColumnHelper } from "@medusajs/ui"
import { Fragment, type ReactNode } from "react"

export type Action = {
  label: string
  icon: ReactNode
  onClick: () => void
  disabled?: boolean
}

/**
 * A "⋯" menu of a row's or a page's actions, in groups a line apart. With
 * nothing to do (a paid commission, an ended connection) there is no menu,
 * rather than one that opens empty as the DataTable's own action column does.
 */
export const ActionMenu = ({ label, groups }: { label: string; groups: Action[][] }) => {
  const shown = groups.filter((group) => group.length)
  if (!shown.length) {
    return null
  }
  return (
    // In a clickable row, opening the menu must not follow the row.
    <div className="flex justify-end" onClick={(event) => event.stopPropagation()}>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label={label}>
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          {shown.map((group, index) => (
            <Fragment key={group[0].label}>
              {index > 0 && <DropdownMenu.Separator />}
              {group.map((action) => (
                <DropdownMenu.Item
                  key={action.label}
                  className="gap-x-2"
                  disabled={action.disabled}
                  onClick={action.onClick}
                >
                  <span className="text-ui-fg-subtle">{action.icon}</span>
                  {action.label}
                </DropdownMenu.Item>
              ))}
            </Fragment>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}

/** A list's last column: each row's "⋯" menu, with the row's actions. */
export const actionsColumn = <TData,>(label: string, groups: (row: TData) => Action[][]) =>
  createDataTableColumnHelper<TData>().display({
    id: "actions",
    cell: ({ row }) => <ActionMenu label={label} groups={groups(row.original)} />,
  })
