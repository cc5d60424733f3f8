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
    account_sync: z
      .object({
        enabled: z.boolean({ error: "account_sync.enabled must be true or false" }),
        tags: z
          .array(
            z
              .string({ error: "account_sync.tags must be a list of names" })
              .trim()
              // A refinement keeps our message (Medusa rewrites length errors).
              .refine((name) => name.length > 0, {
                error: "account_sync.tags cannot contain an empty name",
              })
              .refine((name) => name.length <= 100, {
                error: "account_sync.tags names are at most 100 characters",
              }),
            { error: "account_sync.tags must be a list of names" }
          )
          .max(20, { error: "account_sync.tags can name at most 20 groups" })
          .refine(
            (tags) => new Set(tags).size === tags.length,
            { error: "account_sync.tags must not repeat a name" }
          ),
      })
      .partial()
      .strict(),
    hold_days: z
      .number({ error: "hold_days must be a whole number of days from 0 to 365" })
      .int({ error: "hold_days must be a whole number of days from 0 to 365" })
      .min(0, { error: "hold_days must be a whole number of days from 0 to 365" })
      .max(365, { error: "hold_days must be a whole number of days from 0 to 365" }),
    minimum_payouts: z
      .record(
        z.string().regex(/^[a-z]{3}$/, {
          error: "minimum_payouts keys must be lower-case currency codes, like usd",
        }),
        z
          .number({ error: "minimum_payouts amounts must be numbers" })
          .min(0, { error: "minimum_payouts amounts must be at least 0" })
          .max(1_000_000_000, { error: "minimum_payouts amounts are at most 1,000,000,000" }),
        { error: "minimum_payouts must map currency codes to amounts, like { \"usd\": 50 }" }
      )
      .refine((minimums) => Object.keys(minimums).length <= 200, {
        error: "minimum_payouts can name at most 200 currencies",
      })
      .nullable(),
  })
  .partial()
  .strict()
export type AdminUpdateAffiliateSettingsType = z.infer<
  typeof AdminUpdateAffiliateSettings
>
