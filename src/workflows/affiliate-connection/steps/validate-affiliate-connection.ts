import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"

export type ValidateAffiliateConnectionStepInput = {
  affiliate_id: string
  /** An existing customer… */
  customer_id?: string
  /** …or the email of the customer to find or create. */
  customer_email?: string
}

export const validateAffiliateConnectionStepId = "validate-affiliate-connection"

async function customerEmail(container: MedusaContainer, customerId: string) {
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "email"] })
  if (!customers.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `customer_id: customer ${customerId} was not found`
    )
  }
  return customers[0].email
}

/**
 * The rules checked before anything is written: the affiliate exists and is
 * not blocked, the customer exists, and the customer is not the affiliate.
 */
export const validateAffiliateConnectionStep = createStep(
  validateAffiliateConnectionStepId,
  async (input: ValidateAffiliateConnectionStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates(
      { id: input.affiliate_id },
      { select: ["id", "name", "email", "status"] }
    )
    if (!affiliate) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `affiliate_id: affiliate ${input.affiliate_id} was not found`
      )
    }
    if (affiliate.status === "blocked") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `affiliate_id: ${affiliate.name} is blocked and cannot receive new customers`
      )
    }

    const email = input.customer_id
      ? await customerEmail(container, input.customer_id)
      : input.customer_email
    if (email && normalizeEmail(email) === affiliate.email) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `customer: ${email} is ${affiliate.name}'s own account; an affiliate cannot be connected to themselves`
      )
    }

    return new StepResponse(void 0)
  }
)
