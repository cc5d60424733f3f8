import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
import { ACTIVE_PAYOUT_STATUSES } from "../../../../../modules/affiliate/models/affiliate-payout"
import { formatAmountForFile } from "../../../../../modules/affiliate/utils/money"
import type { AdminExportAffiliatePayoutBatchParamsType } from "../../../affiliate-payouts/validators"
import { SPREADSHEET_CSV_OPTIONS } from "../../../../utils/spreadsheet-csv"
import { retrievePayoutBatch } from "../../helpers"

type Payout = Awaited<ReturnType<typeof retrievePayoutBatch>>["payouts"][number]

const formatAmount = (payout: Payout) => formatAmountForFile(payout.amount, payout.currency_code)

const detailsOf = (payout: Payout) =>
  (payout.payout_details ?? {}) as { paypal_email?: string; instructions?: string }

/**
 * PayPal Customer ID column: unique per recipient, at most 30 characters,
 * so the payout id without its `affpo_` prefix (its 26-character ULID).
 */
const paypalReference = (payoutId: string) => payoutId.replace(/^affpo_/, "")

/** The currencies PayPal Payouts pays in. */
const PAYPAL_CURRENCIES = new Set([
  "aud", "brl", "cad", "chf", "cny", "czk", "dkk", "eur", "gbp", "hkd", "huf", "ils", "jpy",
  "mxn", "myr", "nok", "nzd", "php", "pln", "sek", "sgd", "thb", "twd", "usd",
])

/**
 * A plain address (letters, digits, `. _ % + -`, a dotted domain): written
 * into the file as it is, since no spreadsheet formula can be spelt with
 * those characters — a leading `-` stays, as PayPal needs it.
 */
const PLAIN_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/

/**
 * The payouts a PayPal file may pay: not yet paid (draft; processing too
 * when asked, to upload a file again after an upload PayPal refused), to
 * PayPal, with a plain address. Why none, when none.
 */
function paypalPayouts(payouts: Payout[], includeProcessing: boolean) {
  const statuses = includeProcessing ? ["draft", "processing"] : ["draft"]
  const unpaid = payouts.filter((payout) => statuses.includes(payout.status))
  const toPaypal = unpaid.filter(
    (payout) => payout.payout_method === "paypal" && detailsOf(payout).paypal_email
  )
  if (!toPaypal.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      unpaid.length
        ? "Nothing to put in a PayPal file: no payout of this batch that is still to pay goes to PayPal"
        : `Nothing to put in a PayPal file: no payout of this batch is ${statuses.join(" or ")}`
    )
  }
  const malformed = toPaypal.filter((payout) => !PLAIN_EMAIL.test(detailsOf(payout).paypal_email!))
  if (malformed.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The PayPal email of payout ${malformed.map((payout) => payout.id).join(", ")} ` +
        "is not a plain address PayPal accepts: pay it by hand, or cancel it"
    )
  }
  return toPaypal
}

/** PayPal Payouts' bulk file: email, amount, currency, customer id, note, wallet; no header. */
function paypalRows(payouts: Payout[]) {
  return payouts.map((payout) => [
    detailsOf(payout).paypal_email,
    formatAmount(payout),
    payout.currency_code.toUpperCase(),
    paypalReference(payout.id),
    "Affiliate commissions",
    "PAYPAL",
  ])
}

/** The payouts in the one currency a PayPal file may hold, which PayPal must pay in. */
function inOneCurrency(payouts: Payout[], currencyCode: string | undefined) {
  const currencies = [...new Set(payouts.map((payout) => payout.currency_code))].sort()
  if (!currencyCode && currencies.length > 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A PayPal file holds one currency and this batch pays ${currencies.join(", ")}: ` +
        `export each with currency_code (currency_code=${currencies[0]})`
    )
  }
  const currency = currencyCode ?? currencies[0]
  if (!PAYPAL_CURRENCIES.has(currency)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `PayPal Payouts does not pay in ${currency.toUpperCase()}: pay these payouts another way`
    )
  }
  const inCurrency = payouts.filter((payout) => payout.currency_code === currency)
  if (!inCurrency.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Nothing to put in a PayPal file: no payout of this batch to PayPal is in ${currency.toUpperCase()}`
    )
  }
  return inCurrency
}

/** The payouts a CSV lists: those not failed or canceled. Why none, when none. */
function activePayouts(payouts: Payout[]) {
  const active = payouts.filter((payout) => ACTIVE_PAYOUT_STATUSES.includes(payout.status))
  if (!active.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Nothing to export: every payout of this batch failed or was canceled (their commissions are payable again)"
    )
  }
  return active
}

const CSV_COLUMNS = [
  "payout_id",
  "batch_id",
  "status",
  "affiliate_id",
  "affiliate_code",
  "affiliate_name",
  "affiliate_email",
  "payout_method",
  "paypal_email",
  "payout_instructions",
  "currency_code",
  "amount",
]

function csvRows(payouts: Payout[]) {
  return payouts.map((payout) => [
    payout.id,
    payout.batch_id,
    payout.status,
    payout.affiliate?.id,
    payout.affiliate?.code,
    payout.affiliate?.name,
    payout.affiliate?.email,
    payout.payout_method,
    detailsOf(payout).paypal_email,
    detailsOf(payout).instructions,
    payout.currency_code,
    formatAmount(payout),
  ])
}

/**
 * The batch's payouts, with the payout details frozen on each: a generic CSV
 * of those not failed or canceled (names and instructions come from
 * strangers: the spreadsheet options keep them from running as formulas or
 * splitting a cell at `;` or a tab), or a
 * PayPal Payouts file of those still to pay (its only stranger's text is the
 * address, checked plain instead).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportAffiliatePayoutBatchParamsType>,
  res: MedusaResponse
) => {
  const { format, currency_code, include_processing } =
    req.validatedQuery as AdminExportAffiliatePayoutBatchParamsType
  const batch = await retrievePayoutBatch(req.scope, req.params.id)
  const paypal = format === "paypal"
  const payouts = paypal
    ? inOneCurrency(paypalPayouts(batch.payouts, include_processing), currency_code)
    : activePayouts(batch.payouts)
  const csv = stringify(
    paypal ? paypalRows(payouts) : csvRows(payouts),
    paypal ? {} : { header: true, columns: CSV_COLUMNS, ...SPREADSHEET_CSV_OPTIONS }
  )
  const name = paypal
    ? `affiliate-payouts-${batch.id}-paypal-${currency_code ?? payouts[0]?.currency_code ?? "none"}`
    : `affiliate-payouts-${batch.id}`
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${name}.csv"`)
  csv.pipe(res)
}
