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
  withoutControlCharacters,
} from "../../utils/validators"
import { currencyPrecision } from "../../../modules/affiliate/utils/money"

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

/** Why a commission was made by hand: required, shown to the affiliate. */
const manualNote = z
  .string({ error: "note is required: say why (the affiliate sees it)" })
  .trim()
  .min(1, { error: "note is required: say why (the affiliate sees it)" })
  .max(500, { error: "note is at most 500 characters" })
  .refine(...withoutControlCharacters("note", { multiline: true }))

const requiredId = (name: string) =>
  z.string({ error: `${name} is required` }).min(1, { error: `${name} is required` }).max(ID_MAX_LENGTH)

/** Credit an order that credits nobody to an affiliate, by hand. */
export const AdminCreditOrder = z
  .object({ order_id: requiredId("order_id"), affiliate_id: requiredId("affiliate_id"), note: manualNote })
  .strict()
export type AdminCreditOrderType = z.infer<typeof AdminCreditOrder>

/** The largest bonus or deduction, in major units: a typo's extra zeros stop here. */
export const BONUS_AMOUNT_MAX = 1_000_000

/** A one-off bonus (a positive amount) or deduction (a negative one) for an affiliate. */
export const AdminCreateAffiliateBonus = z
  .object({
    affiliate_id: requiredId("affiliate_id"),
    currency_code: z
      .string({ error: "currency_code is required" })
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{3}$/, { error: "currency_code must be a three-letter currency code, like usd" }),
    amount: z
      .number({ error: "amount must be a number: positive for a bonus, negative for a deduction" })
      .refine((amount) => amount !== 0, { error: "amount must not be 0" })
      .refine((amount) => Math.abs(amount) <= BONUS_AMOUNT_MAX, {
        error: `amount is at most ${BONUS_AMOUNT_MAX.toLocaleString("en")} either way`,
      }),
    note: manualNote,
  })
  .strict()
  // Exact to the currency's minor unit: 1.234 EUR is refused, not rounded.
  .superRefine(({ amount, currency_code }, ctx) => {
    const precision = currencyPrecision(currency_code)
    if (Math.abs(amount * 10 ** precision - Math.round(amount * 10 ** precision)) > 1e-6) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: `amount has more decimals than ${currency_code.toUpperCase()} has (${precision})`,
      })
    }
  })
export type AdminCreateAffiliateBonusType = z.infer<typeof AdminCreateAffiliateBonus>

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
