import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"

export const inviteAffiliateCustomerStepId = "invite-affiliate-customer"

/**
 * Asks the affiliate to choose a password for their new store account through
 * Medusa's own reset-password flow: its `auth.password_reset` event carries
 * the token to the store's notification (the same email a customer gets after
 * "Forgot password"). Runs last, so nothing after it can undo the account.
 */
export const inviteAffiliateCustomerStep = createStep(
  inviteAffiliateCustomerStepId,
  async (input: { email: string }, { container }) => {
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    await generateResetPasswordTokenWorkflow(container).run({
      input: {
        entityId: input.email,
        actorType: "customer",
        provider: "emailpass",
        secret: http.jwtSecret as string,
        metadata: { reason: "affiliate_account_sync" },
      },
    })
    return new StepResponse(void 0)
  }
)
