import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { createAffiliatesWorkflow } from "../../affiliate"
import { refuseInvitedEmailSignUpStep } from "../../affiliate-login/steps/refuse-invited-email-sign-up"
import { retrieveEffectiveAffiliateSettingsStep } from "../../affiliate-settings"
import { resolveSignUpIdentityStep } from "../steps/resolve-sign-up-identity"
import { tieIdentityToAffiliateStep } from "../steps/tie-identity-to-affiliate"

export type CreateAffiliateAccountWorkflowInput = {
  auth_identity_id: string
  name: string
  code?: string
  metadata?: Record<string, unknown> | null
}

export const createAffiliateAccountWorkflowId = "create-affiliate-account"

/**
 * An affiliate's own sign-up: creates the affiliate with the email of their
 * auth identity — `pending`, or `approved` when the store auto-approves — and
 * ties the identity to it (actor type `affiliate`). The identity may be a
 * store customer's login: the customer then becomes the affiliate, and
 * account sync links their customer account. Emits `affiliate.signed_up`
 * (the store owner's notice) besides the events of creating an affiliate.
 */
export const createAffiliateAccountWorkflow = createWorkflow(
  createAffiliateAccountWorkflowId,
  (input: WorkflowData<CreateAffiliateAccountWorkflowInput>) => {
    const { email } = resolveSignUpIdentityStep(input)
    refuseInvitedEmailSignUpStep({ email })
    const settings = retrieveEffectiveAffiliateSettingsStep()

    const affiliates = createAffiliatesWorkflow.runAsStep({
      input: transform({ input, email, settings }, ({ input, email, settings }) => ({
        affiliates: [
          {
            name: input.name,
            email,
            code: input.code,
            metadata: input.metadata ?? null,
            auth_identity_id: input.auth_identity_id,
            status: settings.auto_approve ? ("approved" as const) : ("pending" as const),
          },
        ],
      })),
    })
    const affiliate = transform({ affiliates }, ({ affiliates }) => affiliates[0])

    tieIdentityToAffiliateStep({
      auth_identity_id: input.auth_identity_id,
      affiliate_id: affiliate.id,
    })
    emitEventStep({
      eventName: AffiliateEvents.SIGNED_UP,
      data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })),
    }).config({ name: "emit-affiliate-signed-up" })

    return new WorkflowResponse(affiliate)
  }
)
