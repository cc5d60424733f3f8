import { z } from "@medusajs/framework/zod"
import { AFFILIATE_CODE_PATTERN } from "../../../modules/affiliate/utils/normalize"
import { createListParams, metadataParam, NAME_MAX_LENGTH } from "../../utils/validators"

export const StoreCreateAffiliate = z
  .object({
    name: z.string().trim().min(1, { error: "name is required" }).max(NAME_MAX_LENGTH),
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

// Both of the affiliate's lists have a fixed order, newest first.
export const StoreGetAffiliateListParams = createListParams()
export type StoreGetAffiliateListParamsType = z.infer<typeof StoreGetAffiliateListParams>
