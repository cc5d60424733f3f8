import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type IdentityCustomer = { auth_identity_id: string; customer_id: string }

type PreviousMetadata = { id: string; app_metadata: Record<string, unknown> | null }

export const attachIdentitiesToCustomersStepId = "attach-identities-to-customers"

/**
 * Points each email/password identity at its customer account
 * (`app_metadata.customer_id`, as Medusa's customer sign-up does), keeping
 * its other keys (the affiliate's own). One read and one write for the
 * batch; compensation restores the previous metadata.
 */
export const attachIdentitiesToCustomersStep = createStep(
  attachIdentitiesToCustomersStepId,
  async (input: { attachments: IdentityCustomer[] }, { container }) => {
    if (!input.attachments.length) {
      return new StepResponse(void 0, [] as PreviousMetadata[])
    }
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listAuthIdentities(
      { id: input.attachments.map((attachment) => attachment.auth_identity_id) },
      { select: ["id", "app_metadata"] }
    )
    const metadataById = new Map(identities.map((identity) => [identity.id, identity.app_metadata]))
    await auth.updateAuthIdentities(
      input.attachments.map(({ auth_identity_id, customer_id }) => ({
        id: auth_identity_id,
        app_metadata: { ...metadataById.get(auth_identity_id), customer_id },
      }))
    )
    return new StepResponse(
      void 0,
      identities.map(({ id, app_metadata }) => ({ id, app_metadata: app_metadata ?? null }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await container.resolve(Modules.AUTH).updateAuthIdentities(
      previous.map(({ id, app_metadata }) => ({ id, app_metadata: app_metadata ?? {} }))
    )
  }
)
