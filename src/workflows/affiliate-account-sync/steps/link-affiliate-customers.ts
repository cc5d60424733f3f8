import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type AffiliateCustomerLink = {
  affiliate_id: string
  customer_id: string
  /** What the affiliate had before, restored by compensation. */
  previous_customer_id: string | null
}

export const linkAffiliateCustomersStepId = "link-affiliate-customers"

/** Records each affiliate's customer account in one write. */
export const linkAffiliateCustomersStep = createStep(
  linkAffiliateCustomersStepId,
  async (input: { links: AffiliateCustomerLink[] }, { container }) => {
    const changed = input.links.filter((link) => link.customer_id !== link.previous_customer_id)
    if (!changed.length) {
      return new StepResponse(void 0, [] as AffiliateCustomerLink[])
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.setAffiliateCustomers(changed)
    return new StepResponse(void 0, changed)
  },
  async (changed, { container }) => {
    if (!changed?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.setAffiliateCustomers(
      changed.map(({ affiliate_id, previous_customer_id }) => ({
        affiliate_id,
        customer_id: previous_customer_id,
      }))
    )
  }
)
