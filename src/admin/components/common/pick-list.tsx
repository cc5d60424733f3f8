import { CheckCircleSolid } from "@medusajs/icons"
import { Button, Input, Skeleton, Text } from "@medusajs/ui"
import { type ReactNode, useEffect, useState } from "react"
import { SummaryCard } from "./summary-card"

type PickListOption = {
  id: string
  title: string
  description: string
  extra?: ReactNode
}

type PickListProps = {
  /** Accessible name of the list, e.g. "Affiliates". */
  label: string
  placeholder: string
  options: PickListOption[]
  isLoading: boolean
  emptyText: string
  selected: PickListOption | null
  onSearchChange: (search: string) => void
  onSelect: (id: string) => void
  onClear: () => void
}

const SEARCH_DEBOUNCE_MS = 250

/**
 * A search box over a short list of results, for pickers whose options come
 * from the server (`@medusajs/ui` has no asynchronous combobox). Once an
 * option is picked, it collapses into a summary with a "Change" button.
 */
export const PickList = ({
  label,
  placeholder,
  options,
  isLoading,
  emptyText,
  selected,
  onSearchChange,
  onSelect,
  onClear,
}: PickListProps) => {
  const [search, setSearch] = useState("")

  useEffect(() => {
    const timeout = setTimeout(
      () => onSearchChange(search.trim()),
      SEARCH_DEBOUNCE_MS
    )
    return () => clearTimeout(timeout)
  }, [search, onSearchChange])

  if (selected) {
    return (
      <SummaryCard
        title={selected.title}
        description={selected.description}
        icon={<CheckCircleSolid className="text-ui-fg-interactive" />}
        action={
          <Button type="button" size="small" variant="secondary" onClick={onClear}>
            Change
          </Button>
        }
        data-testid={`${label.toLowerCase()}-selected`}
      />
    )
  }

  return (
    <div className="flex flex-col gap-y-2">
      <Input
        type="search"
        placeholder={placeholder}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        aria-label={`Search ${label.toLowerCase()}`}
      />
      <div
        role="listbox"
        aria-label={label}
        className="shadow-borders-base bg-ui-bg-base divide-y overflow-hidden rounded-lg"
      >
        {options.map((option) => (
          <button
            key={option.id}
            type="button"
            role="option"
            aria-selected={false}
            onClick={() => onSelect(option.id)}
            className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex w-full items-center justify-between gap-x-3 px-4 py-2.5 text-left outline-none"
          >
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus" leading="compact" className="truncate">
                {option.title}
              </Text>
              <Text
                size="small"
                leading="compact"
                className="text-ui-fg-subtle truncate"
              >
                {option.description}
              </Text>
            </div>
            {option.extra}
          </button>
        ))}
        {!options.length && (
          <div className="px-4 py-3">
            {isLoading ? (
              <Skeleton className="h-5 w-full" />
            ) : (
              <Text size="small" leading="compact" className="text-ui-fg-muted">
                {emptyText}
              </Text>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
