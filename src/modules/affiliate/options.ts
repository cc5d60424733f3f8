import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** Options of the plugin, given in `medusa-config.ts` (plugins[].options). */
export const affiliateModuleOptionsSchema = z
  .object({
    /** Commission rate in percent when neither the settings nor the affiliate set one. */
    defaultCommissionRate: z.number().min(0).max(100).default(10),
    /** The storefront's address, for the referral links shown to affiliates. */
    storefrontUrl: z.url().optional(),
    /**
     * Payment providers for automatic payouts, as Medusa module providers:
     * `{ resolve, id, options? }`. `manual` is built in.
     */
    payoutProviders: z
      .array(
        z.object({
          resolve: z.string().min(1),
          id: z.string().regex(/^[a-z0-9_-]{1,50}$/, {
            error: "id must be 1 to 50 lower-case letters, digits, '-' or '_'",
          }).refine((id) => id !== "manual", { error: "id manual is built in" }),
          options: z.record(z.string(), z.unknown()).optional(),
        })
      )
      .default([]),
  })
  // Not strict: Medusa adds its own keys (such as `database`) to module options.
  .passthrough()

export type AffiliateModuleOptions = z.input<typeof affiliateModuleOptionsSchema>
export type ResolvedAffiliateModuleOptions = z.output<
  typeof affiliateModuleOptionsSchema
>

/** Parses the options, throwing an error that names each bad option. */
export function resolveAffiliateModuleOptions(
  options: unknown
): ResolvedAffiliateModuleOptions {
  const result = affiliateModuleOptionsSchema.safeParse(options ?? {})
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues
    .map((issue) => `${issue.path.join(".") || "(options)"}: ${issue.message}`)
    .join("; ")
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Invalid options for the affiliate plugin: ${problems}`
  )
}
