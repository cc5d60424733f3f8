import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { sendAffiliateAccountInvitesWorkflow } from "../../affiliate-notification/workflows/send-affiliate-account-invites"
import type { AccountInviteInput } from "../../affiliate-notification/steps/create-account-invite-notifications"
import { canSendEmail } from "../../utils/email-notifications"

export const inviteAffiliateCustomersStepId = "invite-affiliate-customers"

/**
 * Asks each affiliate to choose a password for their new store account. The
 * plugin's own invite (template option `notifications.accountInvite`, a
 * token valid for 7 days) when the store can send email; otherwise, or with
 * that option `false`, Medusa's reset-password flow: its
 * `auth.password_reset` event carries the token to the store's own
 * notification (the email a customer gets after "Forgot password"). Runs
 * last, so nothing after it can undo the accounts. Records the invite on the
 * affiliate, so a later sync sends it only if this never ran (a process that
 * died first).
 */
export const inviteAffiliateCustomersStep = createStep(
  inviteAffiliateCustomersStepId,
  async (input: { invites: AccountInviteInput[] }, { container }) => {
    if (!input.invites.length) {
      return new StepResponse(void 0)
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const { accountInvite } = (await service.retrieveOptions()).notifications
    if (accountInvite !== false && canSendEmail(container)) {
      await sendAffiliateAccountInvitesWorkflow(container).run({ input: { invites: input.invites } })
    } else {
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
    }
    await service.updateAffiliates(
      input.invites.map(({ affiliate_id }) => ({ id: affiliate_id, account_invited_at: new Date() }))
    )
    return new StepResponse(void 0)
  }
)
