import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const refuseInvitedEmailSignUpStepId = "refuse-invited-affiliate-email-sign-up"

/**
 * A sign-up with the email of an affiliate that has no login (an admin made
 * them) is refused with the way in: the login invite sent to that email.
 * Registering a login proves nothing about the email, so the affiliate is
 * never handed to it by the email alone. Tells no more than the refusal of a
 * taken email always did. Read-only.
 */
export const refuseInvitedEmailSignUpStep = createStep(
  refuseInvitedEmailSignUpStepId,
  async (input: { email: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates(
      { email: input.email },
      { select: ["id", "auth_identity_id"], take: 1 }
    )
    if (affiliate && !affiliate.auth_identity_id) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `email: an affiliate with the email ${input.email} already exists; if it is yours, claim it with ` +
          "the login invite emailed to that address (POST /store/affiliates/claim), or ask the store to send one"
      )
    }
    return new StepResponse(void 0)
  }
)
