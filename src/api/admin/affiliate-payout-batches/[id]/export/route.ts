import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
import { ACTIVE_PAYOUT_STATUSES } from "../../../../../modules/affiliate/models/affiliate-payout"
import { currencyPrecision } from "../../../../../modules/affiliate/utils/money"
import type { AdminExportAffiliatePayoutBatchParamsType } from "../../../affiliate-payouts/validators"
import { retrievePayoutBatch } from "../../helpers"

type Payout = Awaited<ReturnType<typeof retrievePayoutBatch>>["payouts"][number]

/** An amount as a payment file wants it: the currency's decimals, a dot, no grouping. */
const formatAmount = (payout: Payout) =>
  MathBN.convert(payout.amount, currencyPrecision(payout.currency_code)).toFixed(
    currencyPrecision(payout.currency_code)
  )

const detailsOf = (payout: Payout) =>
  (payout.affiliate?.payout_details ?? {}) as { paypal_email?: string; instructions?: string }

/**
 * PayPal's Customer ID column: unique per recipient, at most 30 characters,
 * so the payout id without its `affpo_` prefix (its 26-character ULID).
 */
const paypalReference = (payoutId: string) => payoutId.replace(/^affpo_/, "")

/**
 * PayPal Payouts' bulk file, one currency a file as PayPal requires: recipient
 * email, amount, currency, customer id (the payout's reference), note to the
 * recipient, wallet. No header row. Only payouts to affiliates who chose PayPal.
 */
function paypalRows(payouts: Payout[]) {
  return payouts
    .filter((payout) => payout.affiliate?.payout_method === "paypal" && detailsOf(payout).paypal_email)
    .map((payout) => [
      detailsOf(payout).paypal_email,
      formatAmount(payout),
      payout.currency_code.toUpperCase(),
      paypalReference(payout.id),
      "Affiliate commissions",
      "PAYPAL",
    ])
}

/** The batch's payouts in the one currency a PayPal file may hold. */
function inOneCurrency(payouts: Payout[], currencyCode: string | undefined) {
  const currencies = [...new Set(payouts.map((payout) => payout.currency_code))].sort()
  if (!currencyCode && currencies.length > 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A PayPal file holds one currency and this batch pays ${currencies.join(", ")}: ` +
        `export each with currency_code (currency_code=${currencies[0]})`
    )
  }
  return currencyCode ? payouts.filter((payout) => payout.currency_code === currencyCode) : payouts
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
    payout.affiliate?.payout_method,
    detailsOf(payout).paypal_email,
    detailsOf(payout).instructions,
    payout.currency_code,
    formatAmount(payout),
  ])
}

/**
 * The batch's payouts to pay (not failed or canceled), as a PayPal Payouts
 * file or a generic CSV. Names, emails and instructions come from strangers:
 * `escape_formulas` keeps a spreadsheet from running them as formulas.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportAffiliatePayoutBatchParamsType>,
  res: MedusaResponse
) => {
  const { format, currency_code } = req.validatedQuery as AdminExportAffiliatePayoutBatchParamsType
  const batch = await retrievePayoutBatch(req.scope, req.params.id)
  const paypal = format === "paypal"
  const toPay = batch.payouts.filter((p) => ACTIVE_PAYOUT_STATUSES.includes(p.status))
  const payouts = paypal ? inOneCurrency(toPay, currency_code) : toPay
  const csv = stringify(paypal ? paypalRows(payouts) : csvRows(payouts), {
    header: !paypal,
    columns: paypal ? undefined : CSV_COLUMNS,
    escape_formulas: true,
  })
  const name = paypal
    ? `affiliate-payouts-${batch.id}-paypal-${currency_code ?? payouts[0]?.currency_code ?? "none"}`
    : `affiliate-payouts-${batch.id}`
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${name}.csv"`)
  csv.pipe(res)
}
