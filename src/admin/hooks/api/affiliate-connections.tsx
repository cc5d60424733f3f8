import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { toastServerError } from "../../lib/server-errors"
import type { Deleted, ListPage, ListParams } from "./admin-api"
import { deleteAdmin, postAdmin, useInvalidate, useListQuery } from "./admin-api"
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

/** A store customer as the plugin's routes name one. */
export type CustomerSummary = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  has_account: boolean
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
  customer: CustomerSummary
}

export type AffiliateConnectionsQuery = ListParams & {
  affiliate_id?: string | string[]
  customer_id?: string | string[]
  source?: AffiliateConnectionSource | AffiliateConnectionSource[]
  status?: AffiliateConnectionStatus
}

export type AffiliateConnectionsResponse = ListPage<"affiliate_connections", AffiliateConnection>

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

export type DeleteAffiliateConnectionResponse = Deleted<"affiliate_connection">

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

export type AffiliateCustomer = CustomerSummary & {
  connection: (ConnectionExpiry & {
    id: string
    source: AffiliateConnectionSource
    created_at: string
    created_by: string | null
  }) | null
  order_count: number
  /** What their orders credited to the affiliate were worth (commission bases), per currency. */
  revenue: { currency_code: string; amount: number }[]
}

export type AffiliateCustomersQuery = Pick<ListParams, "limit" | "offset">

export type AffiliateCustomersResponse = ListPage<"customers", AffiliateCustomer>

export type AffiliateSummary = {
  id: string
  name: string
  email: string
  code: string
}

export type PickerAffiliate = AffiliateSummary & {
  status: "pending" | "approved" | "blocked"
}

type PickerAffiliatesResponse = ListPage<"affiliates", PickerAffiliate>

const PICKER_LIMIT = 8


export const useAffiliateConnections = (query: AffiliateConnectionsQuery) =>
  useListQuery<AffiliateConnectionsResponse>(
    affiliateConnectionQueryKeys.list(query),
    "/admin/affiliate-connections",
    query
  )

export const useAffiliateCustomers = (
  affiliateId: string,
  query: AffiliateCustomersQuery
) =>
  useListQuery<AffiliateCustomersResponse>(
    affiliateConnectionQueryKeys.affiliateCustomers(affiliateId, query),
    `/admin/affiliates/${affiliateId}/customers`,
    query
  )

/** Search Medusa's customers (`GET /admin/customers?q=`) for the customer picker. */
export const useCustomers = (q: string) =>
  useListQuery<HttpTypes.AdminCustomerListResponse>(
    affiliateConnectionQueryKeys.customerPicker(q),
    "/admin/customers",
    {
      q: q || undefined,
      limit: PICKER_LIMIT,
      fields: "id,email,first_name,last_name,has_account",
    }
  )

/** Search affiliates for the affiliate picker and the affiliate filter. */
export const useAffiliatesForPicker = (
  q: string,
  options: { status?: PickerAffiliate["status"]; limit?: number } = {}
) =>
  useListQuery<PickerAffiliatesResponse>(
    affiliateConnectionQueryKeys.affiliatePicker(q, options.status),
    "/admin/affiliates",
    { q: q || undefined, status: options.status, limit: options.limit ?? PICKER_LIMIT }
  )

/**
 * A connection shows in the connection lists, the pickers and the customer
 * widget, and it counts in the affiliates' "Connected customers" (list and
 * detail): every change refreshes all of them.
 */
const useInvalidateConnections = () => {
  const invalidateConnections = useInvalidate(
    affiliateConnectionQueryKeys.all,
    affiliateQueryKeys.all
  )
  const invalidateCustomers = useInvalidate(MEDUSA_CUSTOMERS_QUERY_KEY)
  return (options: { customers?: boolean } = {}) => {
    invalidateConnections()
    if (options.customers) {
      invalidateCustomers()
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
      postAdmin<AffiliateConnectionResponse>("/admin/affiliate-connections", body),
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
      deleteAdmin<DeleteAffiliateConnectionResponse>(`/admin/affiliate-connections/${id}`),
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
      postAdmin<ImportAffiliateConnectionsResponse>("/admin/affiliate-connections/import", body),
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
