import { z } from "@medusajs/framework/zod"
import { PAYOUT_METHODS, type PayoutMethod } from "../../modules/affiliate/models/payout-method"
import { emailParam, withoutControlCharacters } from "./validators"

const payoutInstructions = z
  .object(
    {
      instructions: z
        .string({ error: "payout_details.instructions must describe how to pay" })
        .trim()
        .min(1, { error: "payout_details.instructions must describe how to pay" })
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

/** `payout_method` in a body: one of the methods, or null to clear it. */
export const payoutMethodParam = z
  .enum(PAYOUT_METHODS, { error: "payout_method must be paypal, bank_transfer, other or null" })
  .nullable()

type PayoutBody = { payout_method?: PayoutMethod | null; payout_details?: unknown }

/**
 * Checks `payout_details` against its method inside a body's superRefine:
 * each issue names its field (`payout_details.paypal_email`). Whether the
 * method may be left out is the body's own rule.
 */
export function checkPayoutDetails(body: PayoutBody, ctx: z.RefinementCtx) {
  if (body.payout_method == null) {
    if (body.payout_details != null) {
      ctx.addIssue({
        code: "custom",
        path: ["payout_details"],
        message: "payout_details needs a payout_method (paypal, bank_transfer or other)",
      })
    }
    return
  }
  const details = PAYOUT_DETAILS_BY_METHOD[body.payout_method].safeParse(body.payout_details)
  for (const issue of details.success ? [] : details.error.issues) {
    ctx.addIssue({ code: "custom", path: ["payout_details", ...issue.path], message: issue.message })
  }
}

/** The checked method and details, typed by the method (undefined: the body left them out). */
export function toPayoutChoice({ payout_method, payout_details }: PayoutBody) {
  if (payout_method === undefined) {
    return undefined
  }
  return {
    payout_method,
    payout_details: payout_method ? PAYOUT_DETAILS_BY_METHOD[payout_method].parse(payout_details) : null,
  }
}
