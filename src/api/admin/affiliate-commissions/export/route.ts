import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { withNetAmount } from "../../../utils/commission-net-amount"
import { listRowsPlan, readListRows } from "../../../utils/list-rows"
import { SPREADSHEET_CSV_OPTIONS } from "../../../utils/spreadsheet-csv"
import { formatAmountForFile } from "../../../../modules/affiliate/utils/money"
import type { AdminExportAffiliateCommissionsParamsType } from "../validators"

const PAGE_SIZE = 500

const COLUMNS = [
  "id",
  "created_at",
  "affiliate_code",
  "affiliate_name",
  "affiliate_email",
  "order_id",
  "order_display_id",
  "customer_id",
  "customer_email",
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
  "affiliate.email",
  "order.display_id",
  "customer.email",
  "adjustments.amount",
]

const PLAN = listRowsPlan("affiliate_commission", FIELDS)!

/**
 * The filtered ledger as CSV, newest first, streamed page by page (keyset:
 * each page starts after the last row of the previous one).
 *
 * Names and reasons come from strangers (public sign-up, order data): the
 * spreadsheet options keep their formulas from running and their `;` and
 * tabs from splitting a cell.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportAffiliateCommissionsParamsType>,
  res: MedusaResponse
) => {
  const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
  const filters = req.validatedQuery as AdminExportAffiliateCommissionsParamsType
  const csv = stringify({ header: true, columns: COLUMNS, ...SPREADSHEET_CSV_OPTIONS })
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="affiliate-commissions.csv"`
  )
  csv.pipe(res)

  let after: string | undefined
  for (;;) {
    const ids = await service.listCommissionIdsAfter(filters, { after, take: PAGE_SIZE })
    if (!ids.length) {
      break
    }
    const byId = new Map(
      (await readListRows(req.scope, ids, PLAN)).map((commission) => [commission.id, commission])
    )
    for (const commission of ids.flatMap((id) => byId.get(id) ?? []).map(withNetAmount)) {
      const money = (amount: unknown) => formatAmountForFile(amount as number, commission.currency_code ?? "")
      csv.write({
        ...commission,
        created_at: commission.created_at && new Date(commission.created_at).toISOString(),
        affiliate_code: commission.affiliate?.code,
        affiliate_name: commission.affiliate?.name,
        affiliate_email: commission.affiliate?.email,
        order_display_id: commission.order?.display_id,
        customer_email: commission.customer?.email,
        // Money at the currency's decimals, as the payout files write it.
        base_amount: money(commission.base_amount),
        amount: money(commission.amount),
        adjustments: money(commission.adjustment_total),
        net_amount: money(commission.net_amount),
      })
    }
    if (ids.length < PAGE_SIZE) {
      break
    }
    after = ids[ids.length - 1]
  }
  csv.end()
}
