import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const addCustomerToGroupsStepId = "add-customer-to-groups"

/**
 * Puts the customer in each group they are not in yet and returns how many
 * memberships it added. Compensation removes exactly those.
 */
export const addCustomerToGroupsStep = createStep(
  addCustomerToGroupsStepId,
  async (input: { customer_id: string; group_ids: string[] }, { container }) => {
    if (!input.group_ids.length) {
      return new StepResponse(0, [] as string[])
    }
    const customers = container.resolve(Modules.CUSTOMER)
    const customer = await customers.retrieveCustomer(input.customer_id, {
      relations: ["groups"],
    })
    const current = new Set((customer.groups ?? []).map((group) => group.id))
    const missing = input.group_ids.filter((id) => !current.has(id))
    if (missing.length) {
      await customers.addCustomerToGroup(
        missing.map((customer_group_id) => ({
          customer_id: input.customer_id,
          customer_group_id,
        }))
      )
    }
    return new StepResponse(missing.length, missing.map((id) => `${input.customer_id}:${id}`))
  },
  async (memberships, { container }) => {
    if (!memberships?.length) {
      return
    }
    await container.resolve(Modules.CUSTOMER).removeCustomerFromGroup(
      memberships.map((membership) => {
        const [customer_id, customer_group_id] = membership.split(":")
        return { customer_id, customer_group_id }
      })
    )
  }
)
