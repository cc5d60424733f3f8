import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const upgradeGuestCustomerStepId = "upgrade-guest-customer"

/**
 * Medusa's public update type leaves out `has_account` (set when an account is
 * created); the customer module's update writes it like any other column.
 */
type CustomerRegistration = {
  updateCustomers(customerId: string, data: { has_account: boolean }): Promise<unknown>
}

const resolveCustomers = (container: MedusaContainer) =>
  container.resolve(Modules.CUSTOMER) as unknown as CustomerRegistration

/**
 * Turns a guest customer into a registered one, keeping their orders and
 * addresses on the same record. Compensation makes them a guest again.
 */
export const upgradeGuestCustomerStep = createStep(
  upgradeGuestCustomerStepId,
  async (input: { customer_id: string }, { container }) => {
    await resolveCustomers(container).updateCustomers(input.customer_id, {
      has_account: true,
    })
    return new StepResponse(void 0, input.customer_id)
  },
  async (customerId, { container }) => {
    if (!customerId) {
      return
    }
    await resolveCustomers(container).updateCustomers(customerId, { has_account: false })
  }
)
