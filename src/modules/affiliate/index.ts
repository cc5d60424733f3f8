import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AffiliateModuleService from "./service"

export const AFFILIATE_MODULE = "affiliate"

export default Module(AFFILIATE_MODULE, {
  service: AffiliateModuleService,
  loaders: [validateOptionsLoader],
})

export { AffiliateModuleService }
export * from "./types"
export type { AffiliateModuleOptions } from "./options"
