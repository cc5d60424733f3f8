import {
  DataTable,
  type DataTableCommand,
  type DataTableOptions,
  type DataTableRowSelectionState,
  useDataTable,
} from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import type { ListState } from "../../hooks/use-list-state"

/**
 * A list whose total is the server's estimate (it answers `estimate_count`)
 * says so: "1 – 20 of about 1000000 results". The table pages through it as
 * usual; from offset 1,000 the server counts exactly again.
 */
const ESTIMATED_COUNT_WORDS = {
  of: "of about",
  results: "results",
  pages: "pages",
  prev: "Prev",
  next: "Next",
}

type ListTableProps<TData> = {
  /** The list's page, search and filters; without it the rows are the whole list. */
  list?: ListState
  columns: DataTableOptions<TData>["columns"]
  data: TData[] | undefined
  /** How many rows the list has in all, not only on this page. */
  count?: number
  isLoading?: boolean
  /** Shows a search box with this placeholder. */
  searchPlaceholder?: string
  /** The count is the server's estimate. */
  estimatedCount?: boolean
  empty: { heading: string; description: string }
  /** The heading shown when the search or the filters match nothing. */
  noMatch?: string
  /** The page a row opens, as Medusa's lists link their rows. */
  rowHref?: (row: TData) => string
  /** What a row does when clicked, where it opens no page (a drawer). */
  onRowClick?: (row: TData) => void
  /** What can be done to the selected rows, from the command bar. */
  commands?: DataTableCommand[]
  rowSelection?: {
    state: DataTableRowSelectionState
    onRowSelectionChange: (state: DataTableRowSelectionState) => void
  }
}

/**
 * Every list of the admin: Medusa's DataTable with the list's filter menu,
 * search, pagination and bulk commands, its state in the URL. Rows are
 * records, known by their id (selection, React keys).
 */
export const ListTable = <TData extends { id: string }>({
  list,
  columns,
  data,
  count,
  isLoading,
  searchPlaceholder,
  estimatedCount,
  empty,
  noMatch,
  rowHref,
  onRowClick,
  commands,
  rowSelection,
}: ListTableProps<TData>) => {
  const navigate = useNavigate()
  const hasFilters = Boolean(list?.filters.length)
  const onRow = rowHref ? (row: TData) => navigate(rowHref(row)) : onRowClick
  const table = useDataTable<TData>({
    columns,
    data: data ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? data?.length ?? 0,
    isLoading,
    // The list state starts a new search or filter on the first page itself,
    // in the same change of the URL.
    autoResetPageIndex: false,
    filters: list?.filters,
    filtering:
      list && hasFilters
        ? { state: list.filtering, onFilteringChange: list.setFiltering }
        : undefined,
    search:
      list && searchPlaceholder
        ? { state: list.search, onSearchChange: list.setSearch }
        : undefined,
    pagination: list
      ? { state: list.pagination, onPaginationChange: list.setPagination }
      : undefined,
    commands,
    rowSelection,
    onRowClick: onRow && ((_, row) => onRow(row)),
  })

  return (
    <DataTable instance={table}>
      {(hasFilters || searchPlaceholder) && (
        <DataTable.Toolbar className={hasFilters ? "justify-between gap-x-2" : "justify-end"}>
          {hasFilters && <DataTable.FilterMenu tooltip="Filter" />}
          {searchPlaceholder && <DataTable.Search placeholder={searchPlaceholder} />}
        </DataTable.Toolbar>
      )}
      <DataTable.Table
        emptyState={{
          empty,
          filtered: noMatch
            ? {
                heading: noMatch,
                description: hasFilters
                  ? "Change the search or the filters."
                  : "Change the search.",
              }
            : undefined,
        }}
      />
      {list && (
        <DataTable.Pagination
          translations={estimatedCount ? ESTIMATED_COUNT_WORDS : undefined}
        />
      )}
      {commands && <DataTable.CommandBar selectedLabel={(selected) => `${selected} selected`} />}
    </DataTable>
  )
}
