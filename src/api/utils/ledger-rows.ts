import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"
import {
  isLedgerRowField,
  type LedgerRowSelect,
} from "../../modules/affiliate/utils/ledger-rows"
import type { CommissionWithAdjustments } from "./commission-net-amount"
import { type CommissionRow, STORED_ORDER_FIELDS, withStoredOrders } from "./commission-orders"

/** Buyer fields a ledger row reads from Medusa's customer module. */
const CUSTOMER_FIELDS = ["id", "email", "first_name", "last_name", "phone", "company_name", "has_account"]

/** How to read commissions with the fields a request asks for, without query.graph. */
export type LedgerRowsPlan = { select: LedgerRowSelect; customer: string[] | null }

/**
 * The plan for these fields, or null when one of them needs query.graph (a
 * field of another relation, a wildcard, any order field but its id and
 * display id). The admin's lists and the CSV ask only for fields it covers.
 */
export function ledgerRowsPlan(fields: string[]): LedgerRowsPlan | null {
  const select: LedgerRowSelect = { commission: ["id"] }
  let customer: string[] | null = null
  for (const field of fields) {
    const [relation, name, ...rest] = field.split(".")
    if (name === undefined) {
      if (!isLedgerRowField("commission", relation)) {
        return null
      }
      select.commission.push(relation)
    } else if (rest.length) {
      return null
    } else if (relation === "affiliate" && isLedgerRowField("affiliate", name)) {
      select.affiliate = [...(select.affiliate ?? []), name]
    } else if (relation === "adjustments" && isLedgerRowField("adjustments", name)) {
      select.adjustments = [...(select.adjustments ?? []), name]
    } else if (relation === "customer" && CUSTOMER_FIELDS.includes(name)) {
      customer = [...(customer ?? ["id"]), name]
      select.commission.push("customer_id")
    } else if (STORED_ORDER_FIELDS.includes(field)) {
      select.commission.push("order_id", "order_display_id")
    } else {
      return null
    }
  }
  select.commission = [...new Set(select.commission)]
  return { select, customer: customer && [...new Set(customer)] }
}

/** A commission as read here; which fields it has depends on the plan. */
export type LedgerRow = CommissionWithAdjustments &
  CommissionRow & {
    created_at?: Date | string
    customer_id?: string | null
    affiliate?: { code?: string; name?: string; email?: string } | null
    customer?: { email?: string } | null
  }

/**
 * Commissions by id as query.graph would answer them for the plan's fields
 * (in no particular order): our module's rows in plain SQL, then their
 * buyers from Medusa's customer module and their orders from the stored
 * columns.
 */
export async function readLedgerRows(
  scope: MedusaContainer,
  ids: string[],
  plan: LedgerRowsPlan
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const rows = (await service.listLedgerRows(ids, plan.select)) as LedgerRow[]
  const withCustomers = plan.customer ? await withBuyers(scope, rows, plan.customer) : rows
  return plan.select.commission.includes("order_display_id")
    ? await withStoredOrders(scope, withCustomers)
    : withCustomers
}

async function withBuyers(scope: MedusaContainer, rows: LedgerRow[], fields: string[]) {
  const customerIds = [...new Set(rows.flatMap((row) => row.customer_id ?? []))]
  const buyers = new Map<string, Record<string, unknown>>()
  if (customerIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields, filters: { id: customerIds } })
    for (const customer of data as { id: string }[]) {
      buyers.set(customer.id, customer)
    }
  }
  return rows.map((row) => ({ ...row, customer: buyers.get(row.customer_id ?? "") ?? null }))
}
