import { Module } from "@medusajs/framework/utils"
import payoutProvidersLoader from "./loaders/payout-providers"
import validateOptionsLoader from "./loaders/validate-options"
import AffiliateModuleService from "./service"

export const AFFILIATE_MODULE = "affiliate"

export default Module(AFFILIATE_MODULE, {
  service: AffiliateModuleService,
  loaders: [validateOptionsLoader, payoutProvidersLoader],
})

export { AffiliateModuleService }
export * from "./types"
export type { AffiliateModuleOptions } from "./options"
export type {
  AffiliatePayoutProvider,
  PayoutProviderResult,
  PayoutToPay,
} from "./payout-provider"
