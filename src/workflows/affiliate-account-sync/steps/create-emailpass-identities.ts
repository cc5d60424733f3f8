import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const createEmailpassIdentitiesStepId = "create-emailpass-identities"

/**
 * Email/password identities with no password yet: their owners choose one
 * through Medusa's reset-password flow. Returns the new identity id per
 * email; compensation removes them.
 */
export const createEmailpassIdentitiesStep = createStep(
  createEmailpassIdentitiesStepId,
  async (input: { emails: string[] }, { container }) => {
    if (!input.emails.length) {
      return new StepResponse({} as Record<string, string>, [] as string[])
    }
    const identities = await container.resolve(Modules.AUTH).createAuthIdentities(
      input.emails.map((email) => ({
        provider_identities: [{ provider: "emailpass", entity_id: email }],
      }))
    )
    // Created in input order.
    const idByEmail = Object.fromEntries(input.emails.map((email, i) => [email, identities[i].id]))
    return new StepResponse(
      idByEmail,
      identities.map((identity) => identity.id)
    )
  },
  async (identityIds, { container }) => {
    if (!identityIds?.length) {
      return
    }
    await container.resolve(Modules.AUTH).deleteAuthIdentities(identityIds)
  }
)
