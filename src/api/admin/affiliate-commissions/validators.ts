import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import {
  ATTRIBUTIONS,
  COMMISSION_FLAGS,
  COMMISSION_STATUSES,
} from "../../../modules/affiliate/models/affiliate-commission"
import {
  createListParams,
  dateRangeFilter,
  enumParam,
  ID_MAX_LENGTH,
  idParam,
  oneOrMany,
  plainText,
  searchParam,
} from "../../utils/validators"

export const AdminGetAffiliateCommissionParams = createSelectParams()

export const AdminCommissionFilters = z.object({
  affiliate_id: oneOrMany(idParam),
  order_id: oneOrMany(idParam),
  customer_id: oneOrMany(idParam),
  status: oneOrMany(enumParam("status", COMMISSION_STATUSES)),
  attribution: oneOrMany(enumParam("attribution", ATTRIBUTIONS)),
  currency_code: oneOrMany(z.string().max(3)),
  program_id: oneOrMany(idParam),
  flag: oneOrMany(enumParam("flag", COMMISSION_FLAGS)),
  created_at: dateRangeFilter("created_at"),
})

export const AdminGetAffiliateCommissionsParams = createListParams({
  orderFields: [
    "created_at",
    "updated_at",
    "id",
    "amount",
    "base_amount",
    "status",
    "attribution",
    "currency_code",
  ],
})
  .extend(AdminCommissionFilters.shape)
  // Searches the buyer's email and name (the list only: the CSV export takes filters).
  .extend({ q: searchParam })
export type AdminGetAffiliateCommissionsParamsType = z.infer<
  typeof AdminGetAffiliateCommissionsParams
>

export const AdminExportAffiliateCommissionsParams = AdminCommissionFilters.strict()
export type AdminExportAffiliateCommissionsParamsType = z.infer<
  typeof AdminExportAffiliateCommissionsParams
>

// Admins approve, reject or mark paid; `pending` is where commissions start.
const targetStatus = z.enum(["approved", "rejected", "paid"], {
  error: "status must be one of approved, rejected, paid",
})

export const AdminUpdateAffiliateCommission = z
  .object({
    status: targetStatus,
    reason: plainText("reason", { multiline: true }).max(500).optional(),
  })
  .strict()
export type AdminUpdateAffiliateCommissionType = z.infer<
  typeof AdminUpdateAffiliateCommission
>

export const AdminBatchUpdateAffiliateCommissions = AdminUpdateAffiliateCommission.extend({
  ids: z
    .array(idParam.min(1), { error: "ids must be a list of commission ids" })
    .min(1, { error: "ids must name at least one commission" })
    .max(500, { error: "ids can name at most 500 commissions at once" }),
}).strict()
export type AdminBatchUpdateAffiliateCommissionsType = z.infer<
  typeof AdminBatchUpdateAffiliateCommissions
>

export const AdminReconcileOrder = z
  .object({ order_id: z.string({ error: "order_id is required" }).min(1).max(ID_MAX_LENGTH) })
  .strict()
export type AdminReconcileOrderType = z.infer<typeof AdminReconcileOrder>

export const AdminReassignAffiliateCommission = z
  .object({
    affiliate_id: z
      .string({ error: "affiliate_id is required" })
      .min(1, { error: "affiliate_id is required" })
      .max(ID_MAX_LENGTH),
    reason: z
      .string({ error: "reason is required" })
      .trim()
      .min(1, { error: "reason is required" })
      .max(500, { error: "reason can be at most 500 characters" }),
  })
  .strict()
export type AdminReassignAffiliateCommissionType = z.infer<
  typeof AdminReassignAffiliateCommission
>
