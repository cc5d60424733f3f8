import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"

export const inviteAffiliateCustomersStepId = "invite-affiliate-customers"

/**
 * Asks each affiliate to choose a password for their new store account
 * through Medusa's own reset-password flow: its `auth.password_reset` event
 * carries the token to the store's notification (the same email a customer
 * gets after "Forgot password"). Runs last, so nothing after it can undo the
 * accounts.
 */
export const inviteAffiliateCustomersStep = createStep(
  inviteAffiliateCustomersStepId,
  async (input: { emails: string[] }, { container }) => {
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    for (const email of input.emails) {
      await generateResetPasswordTokenWorkflow(container).run({
        input: {
          entityId: email,
          actorType: "customer",
          provider: "emailpass",
          secret: http.jwtSecret as string,
          metadata: { reason: "affiliate_account_sync" },
        },
      })
    }
    return new StepResponse(void 0)
  }
)
