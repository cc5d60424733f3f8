import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { checkEmail, invalidEmailMessage } from "../../../modules/affiliate/utils/email"
import {
  normalizeCode,
  normalizeEmail,
} from "../../../modules/affiliate/utils/normalize"

/** One data row of an import file, as read from the CSV. */
export type ConnectionImportRow = {
  /** The row's line in the file (the header is line 1). */
  line: number
  customer_email: string
  affiliate_code?: string
  affiliate_email?: string
  first_name?: string
  last_name?: string
}

export const CONNECTION_IMPORT_RESULTS = [
  "create",
  "already_connected",
  "conflict",
  "unknown_affiliate",
  "blocked_affiliate",
  "own_account",
  "invalid_email",
  "duplicate_row",
] as const
export type ConnectionImportResult = (typeof CONNECTION_IMPORT_RESULTS)[number]

export type ConnectionImportReportRow = {
  line: number
  customer_email: string
  affiliate: string
  result: ConnectionImportResult
  /** For `create`: whether the customer exists or will be created. */
  customer: "existing" | "new" | null
  message: string
}

export type ConnectionImportPlan = {
  report: ConnectionImportReportRow[]
  /** Customers to create, by normalized email. */
  new_customers: { email: string; first_name: string | null; last_name: string | null }[]
  /** Connections to create; `customer_email` stands for a customer created first. */
  connections: { affiliate_id: string; customer_id?: string; customer_email: string }[]
}

export const planConnectionImportStepId = "plan-affiliate-connection-import"

/** What is wrong with the row's email addresses, as its report message; undefined when nothing. */
function invalidEmailOf(row: ConnectionImportRow): string | undefined {
  const emails = { customer_email: row.customer_email, affiliate_email: row.affiliate_email }
  for (const [column, email] of Object.entries(emails)) {
    if (email === undefined) {
      continue
    }
    const checked = checkEmail(email)
    if (!checked.valid) {
      return invalidEmailMessage(column, email, checked.problem)
    }
  }
  return undefined
}

/**
 * Decides, row by row and without writing, what an import would do. A dry run
 * returns this report; a real run applies its `create` rows.
 */
export const planConnectionImportStep = createStep(
  planConnectionImportStepId,
  async (rows: ConnectionImportRow[], { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)

    const validRows = rows.filter((r) => !invalidEmailOf(r))
    const codes = validRows.flatMap((r) =>
      r.affiliate_code ? [normalizeCode(r.affiliate_code)] : []
    )
    const affiliateEmails = validRows.flatMap((r) =>
      r.affiliate_email ? [normalizeEmail(r.affiliate_email)] : []
    )
    const affiliates = await service.listAffiliates(
      { $or: [{ code: codes }, { email: affiliateEmails }] },
      { select: ["id", "name", "code", "email", "status"] }
    )

    // Medusa keeps customer emails as typed: look up both spellings.
    const emailVariants = validRows.flatMap((r) => [
      r.customer_email.trim(),
      normalizeEmail(r.customer_email),
    ])
    const customers = emailVariants.length
      ? await customerModule.listCustomers(
          { email: [...new Set(emailVariants)] },
          { select: ["id", "email", "has_account"] }
        )
      : []
    const customerByEmail = new Map<string, { id: string }>()
    for (const customer of [...customers].sort((a, b) => Number(a.has_account) - Number(b.has_account))) {
      customerByEmail.set(normalizeEmail(customer.email ?? ""), customer)
    }

    const liveConnections = customers.length
      ? await service.listAffiliateConnections(
          { customer_id: customers.map((c) => c.id), ended_at: null },
          { relations: ["affiliate"] }
        )
      : []
    const connectionByCustomer = new Map(liveConnections.map((c) => [c.customer_id, c]))

    const plan: ConnectionImportPlan = { report: [], new_customers: [], connections: [] }
    const seenEmails = new Set<string>()

    for (const row of rows) {
      const email = normalizeEmail(row.customer_email)
      const given = row.affiliate_code ?? row.affiliate_email ?? ""
      const answer = (
        result: ConnectionImportResult,
        message: string,
        customer: ConnectionImportReportRow["customer"] = null
      ) =>
        plan.report.push({
          line: row.line,
          customer_email: row.customer_email,
          affiliate: given,
          result,
          customer,
          message,
        })

      const invalidEmail = invalidEmailOf(row)
      if (invalidEmail) {
        answer("invalid_email", invalidEmail)
        continue
      }
      const affiliate = affiliates.find((a) =>
        row.affiliate_code
          ? a.code === normalizeCode(row.affiliate_code)
          : a.email === normalizeEmail(row.affiliate_email ?? "")
      )
      if (!affiliate) {
        answer(
          "unknown_affiliate",
          given
            ? `no affiliate with ${row.affiliate_code ? "code" : "email"} "${given}"`
            : "the row names no affiliate (affiliate_code or affiliate_email)"
        )
        continue
      }
      if (affiliate.status === "blocked") {
        answer("blocked_affiliate", `${affiliate.name} is blocked and cannot receive new customers`)
        continue
      }
      if (affiliate.email === email) {
        answer("own_account", `${email} is ${affiliate.name}'s own account`)
        continue
      }
      if (seenEmails.has(email)) {
        answer("duplicate_row", `${email} appears on an earlier row; only the first one counts`)
        continue
      }
      seenEmails.add(email)

      const customer = customerByEmail.get(email)
      const current = customer && connectionByCustomer.get(customer.id)
      if (current) {
        const owner = `${current.affiliate.name} (${current.affiliate.code})`
        if (current.affiliate.id === affiliate.id) {
          answer("already_connected", `already connected to ${owner}`, "existing")
        } else {
          answer("conflict", `already connected to affiliate ${owner}`, "existing")
        }
        continue
      }

      if (!customer) {
        plan.new_customers.push({
          email,
          first_name: row.first_name || null,
          last_name: row.last_name || null,
        })
      }
      plan.connections.push({
        affiliate_id: affiliate.id,
        customer_id: customer?.id,
        customer_email: email,
      })
      answer(
        "create",
        `connect to ${affiliate.name} (${affiliate.code})${customer ? "" : ", creating the customer"}`,
        customer ? "existing" : "new"
      )
    }

    return new StepResponse(plan)
  }
)
