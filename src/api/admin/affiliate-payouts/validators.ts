import { z } from "@medusajs/framework/zod"
import { PAYOUT_STATUSES } from "../../../modules/affiliate/models/affiliate-payout"
import {
  createListParams,
  enumParam,
  FILTER_VALUES_MAX,
  idParam,
  oneOrMany,
  plainText,
} from "../../utils/validators"

const currencyCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{3}$/, { error: "currency_code must be a three-letter currency code, like usd" })

export const AdminCreateAffiliatePayoutBatch = z
  .object({
    affiliate_ids: z
      .array(idParam)
      .min(1, { error: "affiliate_ids must name at least one affiliate (or leave it out for all)" })
      .max(FILTER_VALUES_MAX, { error: `affiliate_ids can name at most ${FILTER_VALUES_MAX}` })
      .optional(),
    currency_code: currencyCode.optional(),
    // Affiliates without a payout method are left out unless asked for.
    include_without_payout_method: z
      .boolean({ error: "include_without_payout_method must be true or false" })
      .optional(),
  })
  .strict()
export type AdminCreateAffiliatePayoutBatchType = z.infer<typeof AdminCreateAffiliatePayoutBatch>

export const AdminUpdateAffiliatePayout = z
  .object({
    status: z.enum(["processing", "paid", "failed", "canceled"], {
      error: "status must be processing, paid, failed or canceled",
    }),
    reason: plainText("reason", { multiline: true })
      .max(500, { error: "reason is at most 500 characters" })
      .optional(),
    provider_reference: plainText("provider_reference")
      .max(200, { error: "provider_reference is at most 200 characters" })
      .optional(),
  })
  .strict()
export type AdminUpdateAffiliatePayoutType = z.infer<typeof AdminUpdateAffiliatePayout>

export const AdminPayAffiliatePayout = z
  .object({
    provider_id: z.string().trim().max(50, { error: "provider_id is at most 50 characters" }).default("manual"),
  })
  .strict()
export type AdminPayAffiliatePayoutType = z.infer<typeof AdminPayAffiliatePayout>

export const AdminGetAffiliatePayoutsParams = createListParams().extend({
  batch_id: oneOrMany(idParam),
  affiliate_id: oneOrMany(idParam),
  status: oneOrMany(enumParam("status", PAYOUT_STATUSES)),
  currency_code: oneOrMany(currencyCode),
})
export type AdminGetAffiliatePayoutsParamsType = z.infer<typeof AdminGetAffiliatePayoutsParams>

export const AdminGetAffiliatePayoutBatchesParams = createListParams()
export type AdminGetAffiliatePayoutBatchesParamsType = z.infer<
  typeof AdminGetAffiliatePayoutBatchesParams
>

export const AdminExportAffiliatePayoutBatchParams = z
  .object({
    format: z.enum(["paypal", "csv"], { error: "format must be paypal or csv" }).default("csv"),
    // A PayPal file holds one currency: the one to export when the batch pays several.
    currency_code: currencyCode.optional(),
    // A PayPal file lists draft payouts; also processing ones, to upload again.
    include_processing: z
      .enum(["true", "false"], { error: "include_processing must be true or false" })
      .optional()
      .transform((value) => value === "true"),
  })
  .strict()
export type AdminExportAffiliatePayoutBatchParamsType = z.infer<
  typeof AdminExportAffiliatePayoutBatchParams
>

export const AdminGetAffiliateBalancesParams = createListParams().extend({
  affiliate_id: oneOrMany(idParam),
  currency_code: currencyCode.optional(),
})
export type AdminGetAffiliateBalancesParamsType = z.infer<typeof AdminGetAffiliateBalancesParams>
