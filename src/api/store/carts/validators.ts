import { z } from "@medusajs/framework/zod"
import { withoutControlCharacters } from "../../utils/validators"

export const StoreSetCartAffiliate = z
  .object({
    code: z
      .string({ error: "code is required: the affiliate's referral code" })
      .trim()
      .min(1, { error: "code is required: the affiliate's referral code" })
      .max(64, { error: "code is too long" })
      // A NUL byte would otherwise reach PostgreSQL, which refuses it (a 500).
      .refine(...withoutControlCharacters("code")),
  })
  .strict()
export type StoreSetCartAffiliateType = z.infer<typeof StoreSetCartAffiliate>
