import { type QueryKey, keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { saveFile } from "../../lib/save-file"
import { sdk } from "../../lib/sdk"

type Params = Record<string, unknown>

/** Reads a route of the admin API. */
export const getAdmin = <T>(path: string, query?: Params) =>
  sdk.client.fetch<T>(path, { method: "GET", query })

export const postAdmin = <T>(path: string, body: Params = {}) =>
  sdk.client.fetch<T>(path, { method: "POST", body })

export const deleteAdmin = <T>(path: string) => sdk.client.fetch<T>(path, { method: "DELETE" })

/** Downloads the CSV file a route makes of `query`, saved as `filename`. */
export const downloadCsv = async (path: string, query: Params, filename: string) => {
  const response = await sdk.client.fetch<Response>(path, {
    method: "GET",
    query,
    headers: { accept: "text/csv" },
  })
  saveFile(await response.blob(), filename)
}

/**
 * A page of a list route. The page on screen stays while the next one loads,
 * so paging and searching do not flash an empty table.
 */
export const useListQuery = <T>(
  queryKey: QueryKey,
  path: string,
  query: Params,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey,
    queryFn: () => getAdmin<T>(path, query),
    placeholderData: keepPreviousData,
    ...options,
  })

/** Refreshes the queries under these keys: what a change shows up in. */
export const useInvalidate = (...keys: QueryKey[]) => {
  const queryClient = useQueryClient()
  return () => {
    for (const queryKey of keys) {
      void queryClient.invalidateQueries({ queryKey })
    }
  }
}

/** A list route's page, search and order, as useListState asks for them. */
export type ListParams = { q?: string; limit?: number; offset?: number; order?: string }

/** A page of a list route: its rows under `Key`, and how many match in all. */
export type ListPage<Key extends string, Row> = { [K in Key]: Row[] } & {
  count: number
  offset: number
  limit: number
}

/** What a route answers to DELETE. */
export type Deleted<TObject extends string> = { id: string; object: TObject; deleted: true }
