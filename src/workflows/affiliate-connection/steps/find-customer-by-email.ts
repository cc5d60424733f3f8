import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"

export type FindCustomerByEmailStepInput = { email?: string }

export const findCustomerByEmailStepId = "find-customer-by-email"

/**
 * The store customer with this email, if any (case-insensitive), preferring a
 * registered account over a guest, so connecting by email never duplicates one.
 */
export const findCustomerByEmailStep = createStep(
  findCustomerByEmailStepId,
  async ({ email }: FindCustomerByEmailStepInput, { container }) => {
    if (!email) {
      return new StepResponse(null)
    }
    const customers = await container.resolve(Modules.CUSTOMER).listCustomers(
      // Escaped so that `%` and `_` in an address match only themselves.
      { email: { $ilike: escapeLike(email.trim()) } },
      { select: ["id", "email", "has_account"], take: 2 }
    )
    const customer =
      customers.find((c) => c.has_account) ?? customers[0] ?? null
    return new StepResponse(customer ? { id: customer.id } : null)
  }
)
