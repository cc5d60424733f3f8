import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  type PreviousLoginCustomer,
  restoreLoginCustomers,
  setLoginCustomers,
} from "../../utils/login-customers"

export type IdentityCustomer = { auth_identity_id: string; customer_id: string }

export const attachIdentitiesToCustomersStepId = "attach-identities-to-customers"

/**
 * Points each email/password identity at its customer account
 * (`app_metadata.customer_id`, as Medusa's customer sign-up does), keeping
 * its other keys (the affiliate's own). One statement for the batch;
 * compensation puts back the `customer_id` each had.
 */
export const attachIdentitiesToCustomersStep = createStep(
  attachIdentitiesToCustomersStepId,
  async (input: { attachments: IdentityCustomer[] }, { container }) => {
    const previous = await setLoginCustomers(container, input.attachments)
    return new StepResponse(void 0, previous)
  },
  async (previous: PreviousLoginCustomer[] | undefined, { container }) => {
    if (!previous?.length) {
      return
    }
    await restoreLoginCustomers(container, previous)
  }
)
