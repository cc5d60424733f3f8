import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify"
import { withNetAmount } from "../../../utils/commission-net-amount"
import type { AdminExportAffiliateCommissionsParamsType } from "../validators"

const PAGE_SIZE = 500

const COLUMNS = [
  "id",
  "created_at",
  "affiliate_code",
  "affiliate_name",
  "order_id",
  "customer_id",
  "currency_code",
  "base_amount",
  "rate",
  "amount",
  "adjustments",
  "net_amount",
  "attribution",
  "status",
  "reason",
]

const FIELDS = [
  "id",
  "created_at",
  "order_id",
  "customer_id",
  "currency_code",
  "base_amount",
  "rate",
  "amount",
  "attribution",
  "status",
  "reason",
  "affiliate.code",
  "affiliate.name",
  "adjustments.amount",
]

/** The filtered ledger as CSV, newest first, streamed page by page. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportAffiliateCommissionsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const csv = stringify({ header: true, columns: COLUMNS })
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="affiliate-commissions.csv"`
  )
  csv.pipe(res)

  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query.graph({
      entity: "affiliate_commission",
      fields: FIELDS,
      filters: req.validatedQuery as AdminExportAffiliateCommissionsParamsType,
      pagination: { skip, take: PAGE_SIZE, order: { created_at: "DESC", id: "DESC" } },
    })
    for (const commission of data.map(withNetAmount)) {
      csv.write({
        ...commission,
        created_at: new Date(commission.created_at).toISOString(),
        affiliate_code: commission.affiliate?.code,
        affiliate_name: commission.affiliate?.name,
        adjustments: commission.adjustment_total,
      })
    }
    if (data.length < PAGE_SIZE) {
      break
    }
  }
  csv.end()
}
