import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** Options of the plugin, given in `medusa-config.ts` (plugins[].options). */
export const affiliateModuleOptionsSchema = z
  .object({
    /** Commission rate in percent when neither the settings nor the affiliate set one. */
    defaultCommissionRate: z.number().min(0).max(100).default(10),
    /** The storefront's address, for the referral links shown to affiliates. */
    storefrontUrl: z.url().optional(),
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
