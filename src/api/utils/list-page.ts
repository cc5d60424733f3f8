/**
 * Offset pagination for the admin lists that stays fast deep into a large
 * table. A shallow page is one query.graph call. A deep one would not be:
 * PostgreSQL reads every row it skips, and query.graph selects whole rows
 * joined to their affiliate, so the last page of 1,000,000 commissions read
 * the whole table (0.7 s). From DEEP_PAGE_OFFSET on, the page's ids come first
 * from our module alone (`select id … order by created_at, id`: an index-only
 * scan), counted from the nearer end of the list, then query.graph loads
 * those rows.
 */
export const DEEP_PAGE_OFFSET = 1000

type Direction = "ASC" | "DESC"
type Order = Record<string, Direction>

export type ListPagination = {
  skip?: number
  take?: number
  order?: Record<string, unknown>
}

export type PageSource<T> = {
  /**
   * For a list whose count is its slowest query (a ledger of a million rows:
   * ~40 ms): count beside the page and its linked records rather than before
   * the links, as query.graph does, at the price of one more query.
   */
  countBesideLinks?: boolean
  /** A page and the total in one query.graph call. */
  page: () => Promise<{ rows: T[]; count: number }>
  /** The total number of rows the filters match. */
  count: () => Promise<number>
  /** The ids of `take` rows from `skip` in `order`, from our module alone. */
  ids: (config: { skip: number; take: number; order: Order }) => Promise<string[]>
  /** The rows with these ids, with everything the list shows, in any order. */
  rows: (ids: string[]) => Promise<T[]>
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

/** The rows with these ids, in that order. */
async function rowsInOrder<T extends { id: string }>(source: PageSource<T>, ids: string[]) {
  const byId = new Map((ids.length ? await source.rows(ids) : []).map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row ? [row] : []
  })
}

export async function listPage<T extends { id: string }>(
  pagination: ListPagination,
  source: PageSource<T>
): Promise<{ rows: T[]; count: number }> {
  const skip = pagination.skip ?? 0
  const take = pagination.take
  const order = totalOrder(pagination.order)
  if (!take || !order) {
    return source.page()
  }
  if (skip < DEEP_PAGE_OFFSET) {
    if (!source.countBesideLinks) {
      return source.page()
    }
    const [count, rows] = await Promise.all([
      source.count(),
      source.ids({ skip, take, order }).then((ids) => rowsInOrder(source, ids)),
    ])
    return { rows, count }
  }

  const count = await source.count()
  const left = count - skip
  if (left <= 0) {
    return { rows: [], count }
  }
  // Past the middle, the page is near the start of the reversed list.
  const ids =
    left < skip
      ? (
          await source.ids({
            skip: Math.max(0, left - take),
            take: Math.min(take, left),
            order: reverse(order),
          })
        ).reverse()
      : await source.ids({ skip, take, order })
  return { rows: await rowsInOrder(source, ids), count }
}
