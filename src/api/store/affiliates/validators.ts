import { z } from "@medusajs/framework/zod"
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

/**
 * How the affiliate wants to be paid: a PayPal email, or instructions in
 * their own words (bank transfer, other); `payout_method: null` clears it.
 */
export const StoreUpdateAffiliate = z.discriminatedUnion(
  "payout_method",
  [
    z
      .object({
        payout_method: z.literal("paypal"),
        payout_details: z
          .object({
            paypal_email: emailParam("payout_details.paypal_email"),
          }, { error: "payout_details must give paypal_email" })
          .strict(),
      })
      .strict(),
    z
      .object({
        payout_method: z.enum(["bank_transfer", "other"]),
        payout_details: payoutInstructions,
      })
      .strict(),
    z.object({ payout_method: z.null(), payout_details: z.null().optional() }).strict(),
  ],
  { error: "payout_method must be paypal, bank_transfer, other or null" }
)
export type StoreUpdateAffiliateType = z.infer<typeof StoreUpdateAffiliate>
