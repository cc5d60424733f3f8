import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Offset pagination for the admin lists that stays fast deep into a large
 * table. A shallow page is one query.graph call. A deep one would not be:
 * PostgreSQL reads every row it skips, and query.graph selects whole rows
 * joined to their affiliate, so the last page of 1,000,000 commissions read
 * the whole table (0.7 s). From DEEP_PAGE_OFFSET on, the page's ids come first
 * from our module alone (`select id … order by created_at, id`: an index-only
 * scan), counted from the nearer end of the list, then query.graph loads
 * those rows. A list whose rows are read faster by id (`rowsByIds`) pages
 * that way from the first page on, counting beside it.
 */
export const DEEP_PAGE_OFFSET = 1000

type Direction = "ASC" | "DESC"
type Order = Record<string, Direction>

export type ListPagination = {
  skip?: number
  take?: number
  order?: Record<string, unknown>
}

/** A list's total; `estimated` when it is an estimate rather than a count. */
export type ListCount = { count: number; estimated: boolean }

export type ListPageConfig = {
  /** The entity query.graph lists, with `fields`, `filters` and `pagination`. */
  entity: string
  fields: string[]
  filters: Record<string, unknown>
  pagination: ListPagination
  /**
   * For a list whose exact count is its slowest query (a ledger of a million
   * rows: ~35 ms): the total a shallow page answers with, which may be an
   * estimate, taken beside the page and its linked records rather than before
   * the links, as query.graph counts. Deep pages still count exactly: they
   * need the true end of the list to be read from it.
   */
  shallowCount?: () => Promise<ListCount>
  /** The total number of rows the filters match, from our module alone. */
  count: () => Promise<number>
  /** The ids of `take` rows from `skip` in `order`, from our module alone. */
  ids: (config: { skip: number; take: number; order: Order }) => Promise<string[]>
  /**
   * The rows with these ids, in any order, when they can be read faster than
   * query.graph reads them with `fields`.
   */
  rowsByIds?: (ids: string[]) => Promise<unknown[]>
}

/**
 * The requested order made total (id breaks ties, in the last key's
 * direction) so a page counted from the other end holds the same rows; null
 * for orders this cannot reverse (a relation's field).
 */
function totalOrder(order: ListPagination["order"]): Order | null {
  const total: Order = {}
  for (const [field, value] of Object.entries(order ?? {})) {
    const direction = typeof value === "string" ? value.toUpperCase() : null
    if (direction !== "ASC" && direction !== "DESC") {
      return null
    }
    total[field] = direction
  }
  const directions = Object.values(total)
  if (!("id" in total)) {
    total.id = directions[directions.length - 1] ?? "ASC"
  }
  return total
}

const reverse = (order: Order): Order =>
  Object.fromEntries(
    Object.entries(order).map(([field, direction]) => [
      field,
      direction === "ASC" ? "DESC" : "ASC",
    ])
  )

/**
 * A page of the list and the total, as query.graph answers them, but with
 * deep pages and, with `shallowCount`, the count taken faster (see above).
 */
export async function listPage<T extends { id: string }>(
  scope: MedusaContainer,
  config: ListPageConfig
): Promise<{ rows: T[] } & ListCount> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const graph = async (filters: Record<string, unknown>, pagination?: ListPagination) =>
    query.graph({ entity: config.entity, fields: config.fields, filters, pagination })
  /** The rows with these ids, in that order. */
  const rowsInOrder = async (ids: string[]) => {
    const read = config.rowsByIds ?? (async (ids: string[]) => (await graph({ id: ids })).data)
    const rows = ids.length ? ((await read(ids)) as T[]) : []
    const byId = new Map(rows.map((row) => [row.id, row]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  const skip = config.pagination.skip ?? 0
  const take = config.pagination.take
  const order = totalOrder(config.pagination.order)
  const shallow = skip < DEEP_PAGE_OFFSET
  if (!take || !order || (shallow && !config.shallowCount && !config.rowsByIds)) {
    const { data, metadata } = await graph(config.filters, config.pagination)
    return { rows: data as T[], count: metadata?.count ?? 0, estimated: false }
  }
  if (shallow) {
    const countRows = async (): Promise<ListCount> => ({ count: await config.count(), estimated: false })
    const [total, rows] = await Promise.all([
      (config.shallowCount ?? countRows)(),
      config.ids({ skip, take, order }).then(rowsInOrder),
    ])
    return { rows, ...total }
  }

  const count = await config.count()
  const left = count - skip
  if (left <= 0) {
    return { rows: [], count, estimated: false }
  }
  // Past the middle, the page is near the start of the reversed list.
  const ids =
    left < skip
      ? (
          await config.ids({
            skip: Math.max(0, left - take),
            take: Math.min(take, left),
            order: reverse(order),
          })
        ).reverse()
      : await config.ids({ skip, take, order })
  return { rows: await rowsInOrder(ids), count, estimated: false }
}
