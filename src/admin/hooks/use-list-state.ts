import type {
  DataTableFilter,
  DataTableFilteringState,
  DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"

type ListStateOptions = {
  /**
   * Names this list's URL parameters where a page has more than one list:
   * "commissions" keeps its page in `commissions_offset`.
   */
  prefix?: string
  pageSize?: number
  /** What the list can be filtered by; each filter is a URL parameter. */
  filters?: DataTableFilter[]
  /** The order asked of the list route unless the URL names another. */
  order?: string
}

/** The page, search and order to ask of a list route. */
export type ListQuery = {
  limit: number
  offset: number
  q?: string
  order?: string
}

/** A list's page, search, filters and order, as a list page reads them. */
export type ListState = {
  filters: DataTableFilter[]
  filtering: DataTableFilteringState
  search: string
  pagination: DataTablePaginationState
  query: ListQuery
  setFiltering: (filtering: DataTableFilteringState) => void
  setSearch: (search: string) => void
  setPagination: (pagination: DataTablePaginationState) => void
}

const NO_FILTERS: DataTableFilter[] = []

const paramName = (prefix: string | undefined, name: string) =>
  prefix ? `${prefix}_${name}` : name

/** Filters are written as JSON; a parameter typed by hand may be plain text. */
const parseFilterValue = (raw: string): unknown => {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/**
 * The state of a list kept in the URL's search parameters, as Medusa's own
 * lists keep it: a link, a reload or Back shows the same page of the same
 * search and filters. A new search or filter starts again from the first page.
 */
export const useListState = ({
  prefix,
  pageSize = 20,
  filters = NO_FILTERS,
  order,
}: ListStateOptions = {}): ListState => {
  const [params, setParams] = useSearchParams()
  const key = (name: string) => paramName(prefix, name)

  const offset = Math.max(0, Math.floor(Number(params.get(key("offset"))) || 0))
  const search = params.get(key("q")) ?? ""
  const filtering = useMemo(() => {
    const state: DataTableFilteringState = {}
    for (const { id } of filters) {
      const raw = params.get(paramName(prefix, id))
      if (raw !== null) {
        state[id] = parseFilterValue(raw)
      }
    }
    return state
  }, [params, filters, prefix])

  // One navigation per change: react-router hands each update a copy of the
  // parameters, so two updates in a row would undo each other.
  const update = (values: Record<string, string | undefined>) =>
    setParams((current) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) {
          current.delete(key(name))
        } else {
          current.set(key(name), value)
        }
      }
      return current
    })

  return {
    filters,
    filtering,
    search,
    pagination: { pageIndex: Math.floor(offset / pageSize), pageSize },
    query: {
      limit: pageSize,
      offset,
      q: search || undefined,
      order: params.get(key("order")) ?? order,
    },
    setFiltering: (state) =>
      update({
        offset: undefined,
        ...Object.fromEntries(
          filters.map(({ id }) => [
            id,
            state[id] === undefined ? undefined : JSON.stringify(state[id]),
          ])
        ),
      }),
    setSearch: (value) => update({ q: value || undefined, offset: undefined }),
    setPagination: ({ pageIndex }) =>
      update({ offset: pageIndex ? String(pageIndex * pageSize) : undefined }),
  }
}
