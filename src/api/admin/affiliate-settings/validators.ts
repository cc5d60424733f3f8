import { z } from "@medusajs/framework/zod"
import { ATTRIBUTION_METHODS } from "../../../modules/affiliate/types"

export const AdminUpdateAffiliateSettings = z
  .object({
    default_commission_rate: z
      .number({ error: "default_commission_rate must be a number from 0 to 100" })
      .min(0, { error: "default_commission_rate must be at least 0" })
      .max(100, { error: "default_commission_rate must be at most 100" })
      .nullable(),
    auto_approve: z.boolean({ error: "auto_approve must be true or false" }),
    auto_approve_commissions: z.boolean({
      error: "auto_approve_commissions must be true or false",
    }),
    auto_connect: z.boolean({ error: "auto_connect must be true or false" }),
    attribution_order: z
      .array(z.enum(ATTRIBUTION_METHODS), {
        error: `attribution_order must list ${ATTRIBUTION_METHODS.join(", ")}`,
      })
      .refine(
        (order) =>
          order.length === ATTRIBUTION_METHODS.length &&
          new Set(order).size === order.length,
        {
          error: `attribution_order must list each of ${ATTRIBUTION_METHODS.join(", ")} exactly once`,
        }
      )
      .nullable(),
  })
  .partial()
  .strict()
export type AdminUpdateAffiliateSettingsType = z.infer<
  typeof AdminUpdateAffiliateSettings
>
