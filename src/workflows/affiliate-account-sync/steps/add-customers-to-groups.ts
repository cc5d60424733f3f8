import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findGroupMemberships } from "../../utils/store-accounts"

type Membership = { customer_id: string; customer_group_id: string }

export const addCustomersToGroupsStepId = "add-customers-to-groups"

/**
 * Puts each customer in each group they are not in yet, reading the current
 * memberships of the whole batch at once. Returns how many memberships it
 * added per customer; compensation removes exactly those.
 */
export const addCustomersToGroupsStep = createStep(
  addCustomersToGroupsStepId,
  async (
    input: {
      customer_ids: string[]
      group_ids: string[]
      /** Customers created by this sync: in no group yet, so not read. */
      new_customer_ids: string[]
    },
    { container }
  ) => {
    const added: Record<string, number> = {}
    if (!input.customer_ids.length || !input.group_ids.length) {
      return new StepResponse(added, [] as Membership[])
    }
    const customers = container.resolve(Modules.CUSTOMER)
    const created = new Set(input.new_customer_ids)
    const existing = input.customer_ids.filter((id) => !created.has(id))
    const groupsOf = await findGroupMemberships(container, existing, input.group_ids)
    const missing: Membership[] = input.customer_ids.flatMap((customer_id) =>
      input.group_ids
        .filter((groupId) => !groupsOf.get(customer_id)?.has(groupId))
        .map((customer_group_id) => ({ customer_id, customer_group_id }))
    )
    if (missing.length) {
      await customers.addCustomerToGroup(missing)
    }
    for (const { customer_id } of missing) {
      added[customer_id] = (added[customer_id] ?? 0) + 1
    }
    return new StepResponse(added, missing)
  },
  async (memberships, { container }) => {
    if (!memberships?.length) {
      return
    }
    await container.resolve(Modules.CUSTOMER).removeCustomerFromGroup(memberships)
  }
)
