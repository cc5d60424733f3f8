import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
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
 * PayPal Payouts' bulk file: recipient email, amount, currency, reference
 * (the payout id: PayPal refuses a second item with the same one), note. No
 * header row. Only payouts to affiliates who chose PayPal.
 */
function paypalRows(payouts: Payout[]) {
  return payouts
    .filter((payout) => payout.affiliate?.payout_method === "paypal" && detailsOf(payout).paypal_email)
    .map((payout) => [
      detailsOf(payout).paypal_email,
      formatAmount(payout),
      payout.currency_code.toUpperCase(),
      payout.id,
      "Affiliate commissions",
    ])
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
  const { format } = req.validatedQuery as AdminExportAffiliatePayoutBatchParamsType
  const batch = await retrievePayoutBatch(req.scope, req.params.id)
  const payouts = batch.payouts.filter((p) => p.status !== "failed" && p.status !== "canceled")
  const paypal = format === "paypal"
  const csv = stringify(paypal ? paypalRows(payouts) : csvRows(payouts), {
    header: !paypal,
    columns: paypal ? undefined : CSV_COLUMNS,
    escape_formulas: true,
  })
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="affiliate-payouts-${batch.id}${paypal ? "-paypal" : ""}.csv"`
  )
  csv.pipe(res)
}
