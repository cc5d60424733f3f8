import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const linkAffiliateCustomerStepId = "link-affiliate-customer"

/** Records the affiliate's customer account; compensation restores the previous one. */
export const linkAffiliateCustomerStep = createStep(
  linkAffiliateCustomerStepId,
  async (input: { affiliate_id: string; customer_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const affiliate = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "customer_id"],
    })
    if (affiliate.customer_id === input.customer_id) {
      return new StepResponse(void 0)
    }
    await service.updateAffiliates({ id: input.affiliate_id, customer_id: input.customer_id })
    return new StepResponse(void 0, {
      affiliate_id: input.affiliate_id,
      customer_id: affiliate.customer_id ?? null,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates({
      id: previous.affiliate_id,
      customer_id: previous.customer_id,
    })
  }
)
