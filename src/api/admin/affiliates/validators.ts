import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { AFFILIATE_STATUSES } from "../../../modules/affiliate/models/affiliate"
import { AFFILIATE_CODE_PATTERN } from "../../../modules/affiliate/utils/normalize"
import { checkPayoutDetails, payoutMethodParam, toPayoutChoice } from "../../utils/payout-method"
import {
  createListParams,
  emailParam,
  enumParam,
  FILTER_VALUES_MAX,
  idParam,
  metadataParam,
  NAME_MAX_LENGTH,
  oneOrMany,
  plainText,
  searchParam,
  websiteParam,
} from "../../utils/validators"

const commissionRate = z
  .number({ error: "commission_rate must be a number from 0 to 100" })
  .min(0, { error: "commission_rate must be at least 0" })
  .max(100, { error: "commission_rate must be at most 100" })

const status = z.enum(AFFILIATE_STATUSES, {
  error: `status must be one of ${AFFILIATE_STATUSES.join(", ")}`,
})

export const AdminGetAffiliateParams = createSelectParams()
export type AdminGetAffiliateParamsType = z.infer<typeof AdminGetAffiliateParams>

export const AdminGetAffiliatesParams = createListParams({
  orderFields: [
    "created_at",
    "updated_at",
    "id",
    "name",
    "email",
    "code",
    "status",
    "commission_rate",
  ],
}).extend({
  q: searchParam,
  id: oneOrMany(idParam),
  status: oneOrMany(enumParam("status", AFFILIATE_STATUSES)),
  /** The synced customer account: which affiliate a customer's page belongs to. */
  customer_id: oneOrMany(idParam),
  /** Their program; the default program's id also finds those without one. */
  program_id: oneOrMany(idParam),
})
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

export const AdminCreateAffiliate = z
  .object({
    name: plainText("name").min(1, { error: "name is required" }).max(NAME_MAX_LENGTH),
    email: emailParam("email"),
    code: z
      .string()
      .regex(AFFILIATE_CODE_PATTERN, {
        error:
          "code must be 3 to 32 letters, digits, '-' or '_' (it is used in referral links)",
      })
      .optional(),
    status: status.optional(),
    commission_rate: commissionRate.nullable().optional(),
    website: websiteParam.optional(),
    metadata: metadataParam,
    /** Their program; null: the default program. */
    program_id: idParam.nullable().optional(),
  })
  .strict()
export type AdminCreateAffiliateType = z.infer<typeof AdminCreateAffiliate>

export const AdminUpdateAffiliate = AdminCreateAffiliate.partial().strict()
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

/**
 * How an affiliate is paid, set by an admin (a PayPal email, or
 * instructions for bank transfer or other; `payout_method: null` clears it).
 */
export const AdminSetAffiliatePayoutMethod = z
  .object({
    payout_method: payoutMethodParam.refine((value) => value !== undefined, {
      error: "payout_method is required (null clears it)",
    }),
    payout_details: z.unknown().optional(),
  })
  .strict()
  .superRefine(checkPayoutDetails)
  .transform((body) => toPayoutChoice(body)!)
export type AdminSetAffiliatePayoutMethodType = z.infer<typeof AdminSetAffiliatePayoutMethod>

// Fixed order: connected customers newest first, then referred ones.
export const AdminGetAffiliateCustomersParams = createListParams()
export type AdminGetAffiliateCustomersParamsType = z.infer<
  typeof AdminGetAffiliateCustomersParams
>

export const AdminAssignAffiliatePromotions = z
  .object({
    codes: z
      .array(z.string().trim().min(1).max(100), {
        error: "codes must be a list of promotion codes",
      })
      .min(1, { error: "codes must name at least one promotion code" })
      .max(FILTER_VALUES_MAX),
  })
  .strict()
export type AdminAssignAffiliatePromotionsType = z.infer<
  typeof AdminAssignAffiliatePromotions
>
