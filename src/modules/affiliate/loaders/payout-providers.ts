import type { LoaderOptions } from "@medusajs/framework/types"
import { moduleProviderLoader } from "@medusajs/framework/modules-sdk"
import { asValue } from "@medusajs/framework/awilix"
import { resolveAffiliateModuleOptions } from "../options"
import { payoutProviderKey } from "../payout-provider"
import { ManualPayoutProvider } from "../providers/manual-payout-provider"

type ProviderClass = { new (cradle: unknown, options: unknown): unknown }

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
    registerServiceFn: async (klass, moduleContainer, { id, options: providerOptions }) => {
      const Provider = klass as unknown as ProviderClass
      moduleContainer.register(
        payoutProviderKey(id),
        asValue(new Provider(moduleContainer.cradle, providerOptions))
      )
    },
  })
}
