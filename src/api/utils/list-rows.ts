import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"
import {
  isListRowField,
  type ListedTable,
  type ListRowsSelect,
} from "../../modules/affiliate/queries/list-rows"
import type { CommissionWithAdjustments } from "./commission-net-amount"
import { type CommissionRow, STORED_ORDER_FIELDS, withStoredOrders } from "./commission-orders"

/** Buyer fields a listed row reads from Medusa's customer module. */
const CUSTOMER_FIELDS = ["id", "email", "first_name", "last_name", "phone", "company_name", "has_account"]

/** How to read a list's rows with the fields a request asks for, without query.graph. */
export type ListRowsPlan = {
  table: ListedTable
  select: ListRowsSelect
  customer: string[] | null
  storedOrder: boolean
}

/**
 * The plan for these fields of a commission or connection, or null when one
 * of them needs query.graph (a field of another relation, a wildcard, any
 * order field but a commission's order id and display id). The admin's
 * lists and the CSV ask only for fields it covers.
 */
export function listRowsPlan(table: ListedTable, fields: string[]): ListRowsPlan | null {
  const plan: ListRowsPlan = { table, select: { own: ["id"] }, customer: null, storedOrder: false }
  const { select } = plan
  for (const field of fields) {
    const [relation, name, ...rest] = field.split(".")
    if (name === undefined) {
      if (!isListRowField(table, relation)) {
        return null
      }
      select.own.push(relation)
    } else if (rest.length) {
      return null
    } else if (relation === "affiliate" && isListRowField("affiliate", name)) {
      select.affiliate = [...(select.affiliate ?? []), name]
    } else if (
      table === "affiliate_commission" &&
      relation === "adjustments" &&
      isListRowField("affiliate_commission_adjustment", name)
    ) {
      select.adjustments = [...(select.adjustments ?? []), name]
    } else if (relation === "customer" && CUSTOMER_FIELDS.includes(name)) {
      plan.customer = [...(plan.customer ?? ["id"]), name]
      select.own.push("customer_id")
    } else if (table === "affiliate_commission" && STORED_ORDER_FIELDS.includes(field)) {
      plan.storedOrder = true
      select.own.push("order_id", "order_display_id")
    } else {
      return null
    }
  }
  select.own = [...new Set(select.own)]
  plan.customer = plan.customer && [...new Set(plan.customer)]
  return plan
}

/** A row as read here; which fields it has depends on the plan. */
export type ListRow = CommissionWithAdjustments &
  CommissionRow & {
    created_at?: Date | string
    currency_code?: string
    base_amount?: unknown
    customer_id?: string | null
    affiliate?: { code?: string; name?: string; email?: string } | null
    customer?: { email?: string } | null
  }

/**
 * Rows by id as query.graph would answer them for the plan's fields (in no
 * particular order): our module's rows in plain SQL, then their customers
 * from Medusa's customer module and a commission's order from its stored
 * columns.
 */
export async function readListRows(scope: MedusaContainer, ids: string[], plan: ListRowsPlan) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const rows = (await service.listRowsWithAffiliate(plan.table, ids, plan.select)) as ListRow[]
  const withCustomers = plan.customer ? await withCustomerRecords(scope, rows, plan.customer) : rows
  return plan.storedOrder ? await withStoredOrders(scope, withCustomers) : withCustomers
}

async function withCustomerRecords(scope: MedusaContainer, rows: ListRow[], fields: string[]) {
  const customerIds = [...new Set(rows.flatMap((row) => row.customer_id ?? []))]
  const customers = new Map<string, Record<string, unknown>>()
  if (customerIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields, filters: { id: customerIds } })
    for (const customer of data as { id: string }[]) {
      customers.set(customer.id, customer)
    }
  }
  return rows.map((row) => ({ ...row, customer: customers.get(row.customer_id ?? "") ?? null }))
}
