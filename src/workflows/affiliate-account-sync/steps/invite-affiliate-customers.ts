import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const inviteAffiliateCustomersStepId = "invite-affiliate-customers"

/**
 * Asks each affiliate to choose a password for their new store account
 * through Medusa's own reset-password flow: its `auth.password_reset` event
 * carries the token to the store's notification (the same email a customer
 * gets after "Forgot password"). Runs last, so nothing after it can undo the
 * accounts. Records the invite on the affiliate, so a later sync sends it
 * only if this never ran (a process that died first).
 */
export const inviteAffiliateCustomersStep = createStep(
  inviteAffiliateCustomersStepId,
  async (input: { invites: { affiliate_id: string; email: string }[] }, { container }) => {
    if (!input.invites.length) {
      return new StepResponse(void 0)
    }
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    for (const { email } of input.invites) {
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
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliates(
      input.invites.map(({ affiliate_id }) => ({ id: affiliate_id, account_invited_at: new Date() }))
    )
    return new StepResponse(void 0)
  }
)
