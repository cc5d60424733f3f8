import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const ensureCustomerGroupsStepId = "ensure-customer-groups"

/**
 * The customer groups named by the account-sync tags, created when missing
 * (by exact name, as Medusa's own group names are). Compensation removes
 * the ones it created.
 */
export const ensureCustomerGroupsStep = createStep(
  ensureCustomerGroupsStepId,
  async (input: { names: string[] }, { container }) => {
    if (!input.names.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const customers = container.resolve(Modules.CUSTOMER)
    const existing = await customers.listCustomerGroups(
      { name: { $in: input.names } },
      { select: ["id", "name"] }
    )
    const known = new Set(existing.map((group) => group.name))
    const missing = input.names.filter((name) => !known.has(name))
    const created = missing.length
      ? await customers.createCustomerGroups(missing.map((name) => ({ name })))
      : []
    const createdIds = created.map((group) => group.id)
    return new StepResponse([...existing.map((group) => group.id), ...createdIds], createdIds)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    await container.resolve(Modules.CUSTOMER).deleteCustomerGroups(createdIds)
  }
)
