import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findCustomerByEmail } from "../../utils/store-accounts"

export type FindCustomerByEmailStepInput = { email?: string }

export const findCustomerByEmailStepId = "find-customer-by-email"

/**
 * The store customer with this email, if any (compared in the normalized
 * form), preferring a registered account over a guest, so connecting by email
 * never duplicates one.
 */
export const findCustomerByEmailStep = createStep(
  findCustomerByEmailStepId,
  async ({ email }: FindCustomerByEmailStepInput, { container }) => {
    if (!email) {
      return new StepResponse(null)
    }
    return new StepResponse(await findCustomerByEmail(container, email))
  }
)
