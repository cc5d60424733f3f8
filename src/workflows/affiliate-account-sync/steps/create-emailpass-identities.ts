import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const createEmailpassIdentitiesStepId = "create-emailpass-identities"

export type NewAffiliateLogin = { email: string; affiliate_id: string }

/**
 * Email/password identities with no password yet, each tied to its affiliate
 * (`app_metadata.affiliate_id`, as sign-up ties one): the owner of the email
 * chooses the password through Medusa's reset-password flow. Returns the new
 * identity id per email; compensation removes them.
 */
export const createEmailpassIdentitiesStep = createStep(
  createEmailpassIdentitiesStepId,
  async (input: { logins: NewAffiliateLogin[] }, { container }) => {
    if (!input.logins.length) {
      return new StepResponse({} as Record<string, string>, [] as string[])
    }
    const identities = await container.resolve(Modules.AUTH).createAuthIdentities(
      input.logins.map(({ email, affiliate_id }) => ({
        provider_identities: [{ provider: "emailpass", entity_id: email }],
        app_metadata: { affiliate_id },
      }))
    )
    // Created in input order.
    const idByEmail = Object.fromEntries(
      input.logins.map(({ email }, i) => [email, identities[i].id])
    )
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
