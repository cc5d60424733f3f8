import { z } from "@medusajs/framework/zod"
import { PAYOUT_METHODS, type PayoutMethod } from "../../../modules/affiliate/models/payout-method"
import { AFFILIATE_CODE_PATTERN } from "../../../modules/affiliate/utils/normalize"
import {
  createListParams,
  emailParam,
  metadataParam,
  NAME_MAX_LENGTH,
  plainText,
  withoutControlCharacters,
} from "../../utils/validators"

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

const payoutInstructions = z
  .object(
    {
    instructions: z
      .string({ error: "payout_details.instructions must describe how to pay you" })
      .trim()
      .min(1, { error: "payout_details.instructions must describe how to pay you" })
      .max(1000, { error: "payout_details.instructions is at most 1000 characters" })
      .refine(...withoutControlCharacters("payout_details.instructions", { multiline: true })),
    },
    { error: "payout_details must give instructions" }
  )
  .strict()

const paypalDetails = z
  .object(
    { paypal_email: emailParam("payout_details.paypal_email") },
    { error: "payout_details must give paypal_email" }
  )
  .strict()

/** The details each payout method needs, checked once the method is known. */
const PAYOUT_DETAILS_BY_METHOD: Record<PayoutMethod, typeof paypalDetails | typeof payoutInstructions> = {
  paypal: paypalDetails,
  bank_transfer: payoutInstructions,
  other: payoutInstructions,
}

/**
 * What an affiliate edits of their own profile, any of it at once: their
 * name, and how they want to be paid (a PayPal email, or instructions in
 * their own words for bank transfer or other; `payout_method: null` clears
 * it). Each error names its field.
 */
export const StoreUpdateAffiliate = z
  .object({
    name: plainText("name").min(1).max(NAME_MAX_LENGTH).optional(),
    payout_method: z
      .enum(PAYOUT_METHODS, {
        error: "payout_method must be paypal, bank_transfer, other or null",
      })
      .nullable()
      .optional(),
    payout_details: z.unknown().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.payout_method == null) {
      if (body.payout_details != null) {
        ctx.addIssue({
          code: "custom",
          path: ["payout_details"],
          message: "payout_details needs a payout_method (paypal, bank_transfer or other)",
        })
      } else if (body.name === undefined && body.payout_method === undefined) {
        ctx.addIssue({ code: "custom", message: "give name, payout_method or both" })
      }
      return
    }
    const details = PAYOUT_DETAILS_BY_METHOD[body.payout_method].safeParse(body.payout_details)
    for (const issue of details.success ? [] : details.error.issues) {
      ctx.addIssue({ code: "custom", path: ["payout_details", ...issue.path], message: issue.message })
    }
  })
  // The checked details, typed by their method (undefined: payout unchanged).
  .transform(({ name, payout_method, payout_details }) => ({
    name,
    payout:
      payout_method === undefined
        ? undefined
        : {
            payout_method,
            payout_details: payout_method ? PAYOUT_DETAILS_BY_METHOD[payout_method].parse(payout_details) : null,
          },
  }))
export type StoreUpdateAffiliateType = z.infer<typeof StoreUpdateAffiliate>
