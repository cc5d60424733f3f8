import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const createEmailpassIdentityStepId = "create-emailpass-identity"

/**
 * An email/password identity with no password yet: its owner chooses one
 * through Medusa's reset-password flow. Compensation removes it.
 */
export const createEmailpassIdentityStep = createStep(
  createEmailpassIdentityStepId,
  async (input: { email: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.createAuthIdentities({
      provider_identities: [{ provider: "emailpass", entity_id: input.email }],
    })
    return new StepResponse(identity.id, identity.id)
  },
  async (identityId, { container }) => {
    if (!identityId) {
      return
    }
    await container.resolve(Modules.AUTH).deleteAuthIdentities([identityId])
  }
)
