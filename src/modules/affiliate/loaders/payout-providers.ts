import type { LoaderOptions } from "@medusajs/framework/types"
import { moduleProviderLoader } from "@medusajs/framework/modules-sdk"
import { asValue } from "@medusajs/framework/awilix"
import { resolveAffiliateModuleOptions } from "../options"
import { payoutProviderKey } from "../payout-provider"
import { ManualPayoutProvider } from "../providers/manual-payout-provider"

/** A provider's class, and what the provider loader passes along with it. */
type ProviderClass = { new (cradle: unknown, options: unknown): unknown }
type ProviderDetails = { id: string; options?: unknown }

/**
 * Registers the payout providers in the module's container: the built-in
 * `manual` one, and those of the `payoutProviders` option, each under its id.
 */
export default async function payoutProvidersLoader({ container, options }: LoaderOptions) {
  const { payoutProviders } = resolveAffiliateModuleOptions(options)
  container.register(payoutProviderKey("manual"), asValue(new ManualPayoutProvider()))
  await moduleProviderLoader({
    container,
    providers: payoutProviders,
    // Medusa types the callback's class and details as any: these are what it passes.
    registerServiceFn: async (
      Provider: ProviderClass,
      moduleContainer,
      { id, options: providerOptions }: ProviderDetails
    ) => {
      moduleContainer.register(
        payoutProviderKey(id),
        asValue(new Provider(moduleContainer.cradle, providerOptions))
      )
    },
  })
}
