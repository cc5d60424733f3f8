import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveSignUpIdentityStepId = "resolve-affiliate-sign-up-identity"

/**
 * The email an affiliate signs up with is the one they registered with Medusa
 * auth, never one from the request body; an identity already tied to an
 * affiliate cannot sign up again.
 */
export const resolveSignUpIdentityStep = createStep(
  resolveSignUpIdentityStepId,
  async (input: { auth_identity_id: string }, { container }) => {
    const authModule = container.resolve(Modules.AUTH)
    const identity = await authModule.retrieveAuthIdentity(input.auth_identity_id, {
      relations: ["provider_identities"],
    })
    if (identity.app_metadata?.affiliate_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "This account is already an affiliate: log in again to get a token for it"
      )
    }
    const email = identity.provider_identities?.find(
      (provider) => provider.provider === "emailpass"
    )?.entity_id
    if (!email) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Affiliates sign up with an email and password (/auth/affiliate/emailpass/register)"
      )
    }
    return new StepResponse({ email })
  }
)
