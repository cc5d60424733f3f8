import { z } from "@medusajs/framework/zod"

export const StoreSetCartAffiliate = z
  .object({
    code: z
      .string({ error: "code is required: the affiliate's referral code" })
      .trim()
      .min(1, { error: "code is required: the affiliate's referral code" })
      .max(64, { error: "code is too long" }),
  })
  .strict()
export type StoreSetCartAffiliateType = z.infer<typeof StoreSetCartAffiliate>
