import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type AffiliateAccountLink = {
  affiliate_id: string
  customer_id: string
  auth_identity_id: string | null
  /** What the affiliate had before, restored by compensation. */
  previous_customer_id: string | null
  previous_auth_identity_id: string | null
}

export const linkAffiliateCustomersStepId = "link-affiliate-customers"

/** Records each affiliate's customer account and login in one write. */
export const linkAffiliateCustomersStep = createStep(
  linkAffiliateCustomersStepId,
  async (input: { links: AffiliateAccountLink[] }, { container }) => {
    const changed = input.links.filter(
      (link) =>
        link.customer_id !== link.previous_customer_id ||
        link.auth_identity_id !== link.previous_auth_identity_id
    )
    if (!changed.length) {
      return new StepResponse(void 0, [] as AffiliateAccountLink[])
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.setAffiliateAccounts(changed)
    return new StepResponse(void 0, changed)
  },
  async (changed, { container }) => {
    if (!changed?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.setAffiliateAccounts(
      changed.map((link) => ({
        affiliate_id: link.affiliate_id,
        customer_id: link.previous_customer_id,
        auth_identity_id: link.previous_auth_identity_id,
      }))
    )
  }
)
