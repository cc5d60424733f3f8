import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const tieIdentityToAffiliateStepId = "tie-identity-to-affiliate"

/**
 * Ties a login to its affiliate (`app_metadata.affiliate_id`, the actor id of
 * its affiliate tokens), replacing the id of a deleted affiliate and keeping
 * the other keys (a customer account's). Compensation restores the metadata.
 */
export const tieIdentityToAffiliateStep = createStep(
  tieIdentityToAffiliateStepId,
  async (input: { auth_identity_id: string; affiliate_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { app_metadata } = await auth.retrieveAuthIdentity(input.auth_identity_id, {
      select: ["id", "app_metadata"],
    })
    await auth.updateAuthIdentities({
      id: input.auth_identity_id,
      app_metadata: { ...app_metadata, affiliate_id: input.affiliate_id },
    })
    return new StepResponse(void 0, { id: input.auth_identity_id, app_metadata: app_metadata ?? {} })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve(Modules.AUTH).updateAuthIdentities(previous)
  }
)
