import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { toastServerError } from "../../lib/server-errors"
import {
  MEDUSA_CUSTOMERS_QUERY_KEY,
  affiliateConnectionQueryKeys,
  affiliateQueryKeys,
} from "./query-keys"

export type AffiliateConnectionSource = "admin" | "referral" | "import" | "api"

export type AffiliateConnectionStatus = "active" | "ended" | "all"

/**
 * When a live connection stops crediting its affiliate, under the program's
 * connection lifetime: a date, a number of orders, or neither (forever).
 */
export type ConnectionExpiry = {
  expires_at?: string | null
  orders_left?: number | null
}

export type AffiliateConnection = ConnectionExpiry & {
  id: string
  affiliate_id: string
  customer_id: string
  source: AffiliateConnectionSource
  created_by: string | null
  ended_at: string | null
  ended_reason: "replaced" | "removed" | "expired" | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
  affiliate: { id: string; name: string; code: string; email: string }
  customer: {
    id: string
    email: string
    first_name: string | null
    last_name: string | null
    has_account: boolean
  }
}

export type AffiliateConnectionsQuery = {
  q?: string
  affiliate_id?: string | string[]
  customer_id?: string | string[]
  source?: AffiliateConnectionSource | AffiliateConnectionSource[]
  status?: AffiliateConnectionStatus
  limit?: number
  offset?: number
  order?: string
}

export type AffiliateConnectionsResponse = {
  affiliate_connections: AffiliateConnection[]
  count: number
  offset: number
  limit: number
}

export type AffiliateConnectionResponse = {
  affiliate_connection: AffiliateConnection
}

export type CreateAffiliateConnectionPayload = {
  affiliate_id: string
  replace?: boolean
} & (
  | { customer_id: string }
  | { customer: { email: string; first_name?: string; last_name?: string } }
)

export type DeleteAffiliateConnectionResponse = {
  id: string
  object: "affiliate_connection"
  deleted: true
}

export type ImportRowResult =
  | "create"
  | "already_connected"
  | "conflict"
  | "unknown_affiliate"
  | "blocked_affiliate"
  | "own_account"
  | "invalid_email"
  | "duplicate_row"

export type ImportAffiliateConnectionsPayload = {
  csv: string
  dry_run: boolean
}

export type ImportAffiliateConnectionsResponse = {
  dry_run: boolean
  summary: { total: number } & Partial<Record<ImportRowResult, number>>
  rows: {
    line: number
    customer_email: string
    affiliate: string
    result: ImportRowResult
    customer: "existing" | "new" | null
    message: string
  }[]
}

export type AffiliateCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  has_account: boolean
  connection: (ConnectionExpiry & {
    id: string
    source: AffiliateConnectionSource
    created_at: string
    created_by: string | null
  }) | null
  order_count: number
}

export type AffiliateCustomersQuery = { limit?: number; offset?: number }

export type AffiliateCustomersResponse = {
  customers: AffiliateCustomer[]
  count: number
  offset: number
  limit: number
}

export type AffiliateSummary = {
  id: string
  name: string
  email: string
  code: string
}

export type PickerAffiliate = AffiliateSummary & {
  status: "pending" | "approved" | "blocked"
}

type PickerAffiliatesResponse = {
  affiliates: PickerAffiliate[]
  count: number
  offset: number
  limit: number
}

const PICKER_LIMIT = 8


export const useAffiliateConnections = (query: AffiliateConnectionsQuery) =>
  useQuery({
    queryKey: affiliateConnectionQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AffiliateConnectionsResponse>(
        "/admin/affiliate-connections",
        { method: "GET", query }
      ),
    placeholderData: keepPreviousData,
  })

export const useAffiliateCustomers = (
  affiliateId: string,
  query: AffiliateCustomersQuery
) =>
  useQuery({
    queryKey: affiliateConnectionQueryKeys.affiliateCustomers(affiliateId, query),
    queryFn: () =>
      sdk.client.fetch<AffiliateCustomersResponse>(
        `/admin/affiliates/${affiliateId}/customers`,
        { method: "GET", query }
      ),
    placeholderData: keepPreviousData,
  })

/** Search Medusa's customers (`GET /admin/customers?q=`) for the customer picker. */
export const useCustomers = (q: string) =>
  useQuery({
    queryKey: affiliateConnectionQueryKeys.customerPicker(q),
    queryFn: () =>
      sdk.client.fetch<HttpTypes.AdminCustomerListResponse>(
        "/admin/customers",
        {
          method: "GET",
          query: {
            q: q || undefined,
            limit: PICKER_LIMIT,
            fields: "id,email,first_name,last_name,has_account",
          },
        }
      ),
    placeholderData: keepPreviousData,
  })

/** Search affiliates for the affiliate picker and the affiliate filter. */
export const useAffiliatesForPicker = (
  q: string,
  options: { status?: PickerAffiliate["status"]; limit?: number } = {}
) =>
  useQuery({
    queryKey: affiliateConnectionQueryKeys.affiliatePicker(q, options.status),
    queryFn: () =>
      sdk.client.fetch<PickerAffiliatesResponse>("/admin/affiliates", {
        method: "GET",
        query: {
          q: q || undefined,
          status: options.status,
          limit: options.limit ?? PICKER_LIMIT,
        },
      }),
    placeholderData: keepPreviousData,
  })

/**
 * A connection shows in the connection lists, the pickers and the customer
 * widget, and it counts in the affiliates' "Connected customers" (list and
 * detail): every change refreshes all of them.
 */
const useInvalidateConnections = () => {
  const queryClient = useQueryClient()
  return (options: { customers?: boolean } = {}) => {
    void queryClient.invalidateQueries({
      queryKey: affiliateConnectionQueryKeys.all,
    })
    void queryClient.invalidateQueries({ queryKey: affiliateQueryKeys.all })
    if (options.customers) {
      void queryClient.invalidateQueries({
        queryKey: MEDUSA_CUSTOMERS_QUERY_KEY,
      })
    }
  }
}

export const useCreateAffiliateConnection = () => {
  const invalidate = useInvalidateConnections()
  return useMutation<
    AffiliateConnectionResponse,
    FetchError,
    CreateAffiliateConnectionPayload
  >({
    mutationFn: (body) =>
      sdk.client.fetch<AffiliateConnectionResponse>(
        "/admin/affiliate-connections",
        { method: "POST", body }
      ),
    onSuccess: ({ affiliate_connection }, body) => {
      invalidate({ customers: "customer" in body })
      toast.success(
        `${affiliate_connection.customer.email} is now connected to ${affiliate_connection.affiliate.name}`
      )
    },
    onError: toastServerError,
  })
}

export const useDeleteAffiliateConnection = () => {
  const invalidate = useInvalidateConnections()
  return useMutation<DeleteAffiliateConnectionResponse, FetchError, string>({
    mutationFn: (id) =>
      sdk.client.fetch<DeleteAffiliateConnectionResponse>(
        `/admin/affiliate-connections/${id}`,
        { method: "DELETE" }
      ),
    onSuccess: () => {
      invalidate()
      toast.success("Customer disconnected")
    },
    onError: toastServerError,
  })
}

export const useImportAffiliateConnections = () => {
  const invalidate = useInvalidateConnections()
  return useMutation<
    ImportAffiliateConnectionsResponse,
    FetchError,
    ImportAffiliateConnectionsPayload
  >({
    mutationFn: (body) =>
      sdk.client.fetch<ImportAffiliateConnectionsResponse>(
        "/admin/affiliate-connections/import",
        { method: "POST", body }
      ),
    onSuccess: (report) => {
      if (report.dry_run) {
        return
      }
      invalidate({ customers: true })
      toast.success(
        `Imported ${report.summary.create ?? 0} of ${report.summary.total} rows`
      )
    },
    onError: toastServerError,
  })
}
