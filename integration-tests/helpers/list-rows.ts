import type { AxiosInstance } from "axios"
import type { ListedTable } from "../../src/modules/affiliate/queries/list-rows"
import { listRowsPlan } from "../../src/api/utils/list-rows"
import type { AdminHeaders } from "./admin"

type Listed = { affiliate?: { metadata?: unknown } | null }

/**
 * An admin list read in plain SQL (its default fields, or `fields`) answers
 * what query.graph answers for the same rows: the same request with a field
 * only query.graph reads (the affiliate's metadata), which is then left out.
 * `added`: what the SQL read adds to each row (a commission's stored order
 * display id).
 */
export async function expectListReadAsGraph(
  api: AxiosInstance,
  admin: AdminHeaders,
  { table, path, defaults, added = {} }: { table: ListedTable; path: string; defaults: string[]; added?: Record<string, unknown> }
) {
  expect(listRowsPlan(table, defaults)).not.toBeNull()
  const list = async (extra: string) => {
    const { data } = await api.get(`${path}${extra}`, admin)
    return Object.values(data).find(Array.isArray) as Listed[]
  }
  const bySql = await list("")
  const byGraph = await list(path.includes("fields=") ? ",+affiliate.metadata" : "&fields=+affiliate.metadata")
  expect(bySql.length).toBeGreaterThan(0)
  expect(bySql).toEqual(
    byGraph.map(({ affiliate, ...row }) => {
      const { metadata, ...shown } = affiliate ?? {}
      return { ...row, affiliate: affiliate && shown, ...added }
    })
  )
}
