import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"

export type CreateConnectionCustomerStepInput = {
  email: string
  first_name?: string | null
  last_name?: string | null
  created_by?: string | null
}

export const createConnectionCustomerStepId = "create-connection-customer"

/**
 * Creates the customer a connection by email is for, with Medusa's
 * `createCustomersWorkflow`. If the connection then fails, the customer is
 * removed again, unless another request connected them meanwhile: the
 * customer existed for a moment, and a racing request may have found them.
 */
export const createConnectionCustomerStep = createStep(
  createConnectionCustomerStepId,
  async (input: CreateConnectionCustomerStepInput, { container }) => {
    const {
      result: [customer],
    } = await createCustomersWorkflow(container).run({
      input: {
        customersData: [
          {
            email: normalizeEmail(input.email),
            first_name: input.first_name ?? null,
            last_name: input.last_name ?? null,
            created_by: input.created_by ?? null,
          },
        ],
      },
    })
    return new StepResponse({ id: customer.id }, customer.id)
  },
  async (customerId, { container }) => {
    if (!customerId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [connected] = await service.listAffiliateConnections(
      { customer_id: customerId, ended_at: null },
      { select: ["id"], take: 1 }
    )
    if (!connected) {
      await container.resolve(Modules.CUSTOMER).deleteCustomers([customerId])
    }
  }
)
