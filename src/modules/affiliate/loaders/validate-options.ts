import type { LoaderOptions } from "@medusajs/framework/types"
import { resolveAffiliateModuleOptions } from "../options"

/** Fails the start-up with a clear message when the plugin options are wrong. */
export default async function validateOptionsLoader({
  options,
}: Pick<LoaderOptions, "options">) {
  resolveAffiliateModuleOptions(options)
}
