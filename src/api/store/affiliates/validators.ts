import { z } from "@medusajs/framework/zod"
import { AFFILIATE_CODE_PATTERN } from "../../../modules/affiliate/utils/normalize"
import { checkPayoutDetails, payoutMethodParam, toPayoutChoice } from "../../utils/payout-method"
import { createListParams, metadataParam, NAME_MAX_LENGTH, plainText, websiteParam } from "../../utils/validators"
import { reportRangeFields, toRange } from "../../utils/report-params"

export const StoreCreateAffiliate = z
  .object({
    name: plainText("name").min(1, { error: "name is required" }).max(NAME_MAX_LENGTH),
    code: z
      .string()
      .regex(AFFILIATE_CODE_PATTERN, {
        error:
          "code must be 3 to 32 letters, digits, '-' or '_' (it is used in referral links)",
      })
      .optional(),
    metadata: metadataParam,
  })
  .strict()
export type StoreCreateAffiliateType = z.infer<typeof StoreCreateAffiliate>

/** The token of a login invite: 43 URL-safe characters (longer ones are refused before any lookup). */
export const StoreClaimAffiliate = z
  .object({
    token: z
      .string({ error: "token is required: the one in the login invite email" })
      .trim()
      .min(1, { error: "token is required: the one in the login invite email" })
      .max(200, { error: "token is at most 200 characters" })
      .regex(/^[A-Za-z0-9_-]+$/, { error: "token must be the one in the login invite email" }),
  })
  .strict()
export type StoreClaimAffiliateType = z.infer<typeof StoreClaimAffiliate>

// Both of the affiliate's lists have a fixed order, newest first.
export const StoreGetAffiliateListParams = createListParams()
export type StoreGetAffiliateListParamsType = z.infer<typeof StoreGetAffiliateListParams>

/**
 * What an affiliate edits of their own profile, any of it at once: their
 * name, their website (null clears it), and how they want to be paid (a PayPal email, or instructions in
 * their own words for bank transfer or other; `payout_method: null` clears
 * it). Each error names its field.
 */
export const StoreUpdateAffiliate = z
  .object({
    name: plainText("name").min(1).max(NAME_MAX_LENGTH).optional(),
    website: websiteParam.optional(),
    payout_method: payoutMethodParam.optional(),
    payout_details: z.unknown().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (
      body.name === undefined &&
      body.website === undefined &&
      body.payout_method === undefined &&
      body.payout_details == null
    ) {
      ctx.addIssue({ code: "custom", message: "give name, website or payout_method" })
    }
    checkPayoutDetails(body, ctx)
  })
  .transform((body) => ({ name: body.name, website: body.website, payout: toPayoutChoice(body) }))
export type StoreUpdateAffiliateType = z.infer<typeof StoreUpdateAffiliate>

export const StoreGetAffiliateReportParams = z.object(reportRangeFields).strict().transform(toRange)
export type StoreGetAffiliateReportParamsType = z.infer<typeof StoreGetAffiliateReportParams>
