import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const upgradeGuestCustomersStepId = "upgrade-guest-customers"

/**
 * Medusa's public update type leaves out `has_account` (set when an account is
 * created); the customer module's update writes it like any other column.
 */
type CustomerRegistration = {
  updateCustomers(selector: { id: string[] }, data: { has_account: boolean }): Promise<unknown>
}

const resolveCustomers = (container: MedusaContainer) =>
  container.resolve(Modules.CUSTOMER) as unknown as CustomerRegistration

/**
 * Turns guest customers into registered ones, keeping their orders and
 * addresses on the same records. Compensation makes them guests again.
 */
export const upgradeGuestCustomersStep = createStep(
  upgradeGuestCustomersStepId,
  async (input: { customer_ids: string[] }, { container }) => {
    if (!input.customer_ids.length) {
      return new StepResponse(void 0, [] as string[])
    }
    await resolveCustomers(container).updateCustomers(
      { id: input.customer_ids },
      { has_account: true }
    )
    return new StepResponse(void 0, input.customer_ids)
  },
  async (customerIds, { container }) => {
    if (!customerIds?.length) {
      return
    }
    await resolveCustomers(container).updateCustomers({ id: customerIds }, { has_account: false })
  }
)
