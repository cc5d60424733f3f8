import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { AFFILIATE_CODE_PATTERN } from "../../../modules/affiliate/utils/normalize"

export const StoreCreateAffiliate = z
  .object({
    name: z.string().trim().min(1, { error: "name is required" }).max(200),
    code: z
      .string()
      .regex(AFFILIATE_CODE_PATTERN, {
        error:
          "code must be 3 to 32 letters, digits, '-' or '_' (it is used in referral links)",
      })
      .optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .strict()
export type StoreCreateAffiliateType = z.infer<typeof StoreCreateAffiliate>

export const StoreGetAffiliateListParams = createFindParams({ limit: 20, offset: 0 })
export type StoreGetAffiliateListParamsType = z.infer<typeof StoreGetAffiliateListParams>
