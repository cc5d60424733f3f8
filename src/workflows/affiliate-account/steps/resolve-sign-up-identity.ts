import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { checkEmail, invalidEmailMessage } from "../../../modules/affiliate/utils/email"
import { findStoreAccountsByEmail } from "../../utils/store-accounts"

export const resolveSignUpIdentityStepId = "resolve-affiliate-sign-up-identity"

/**
 * The email an affiliate signs up with is the one of their Medusa login,
 * never one from the request body. An identity already tied to a live
 * affiliate cannot sign up again (one whose affiliate was deleted can).
 *
 * Registering a login proves nothing about the email, so a sign-up is refused
 * when another login or a registered customer already uses the email in any
 * letter case: its owner signs up from that account instead, and nobody can
 * take an affiliate email (and the customer account sync would give it)
 * from the person who has it.
 */
export const resolveSignUpIdentityStep = createStep(
  resolveSignUpIdentityStepId,
  async (input: { auth_identity_id: string }, { container }) => {
    const identity = await container
      .resolve(Modules.AUTH)
      .retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] })
    const tiedAffiliateId = identity.app_metadata?.affiliate_id
    if (typeof tiedAffiliateId === "string" && tiedAffiliateId) {
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      const [live] = await service.listAffiliates({ id: tiedAffiliateId }, { select: ["id"] })
      if (live) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "This account is already an affiliate: log in again to get a token for it"
        )
      }
    }
    const loginEmail = identity.provider_identities?.find(
      (provider) => provider.provider === "emailpass"
    )?.entity_id
    if (!loginEmail) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Affiliates sign up with an email and password (/auth/affiliate/emailpass/register)"
      )
    }

    // Medusa's registration takes any text as the email: the affiliate's
    // notices would go to it, and account sync would make a customer of it.
    const checked = checkEmail(loginEmail)
    if (!checked.valid) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        invalidEmailMessage("email", loginEmail, checked.problem)
      )
    }
    const { email } = checked
    const ownCustomerId = identity.app_metadata?.customer_id
    const accounts = (await findStoreAccountsByEmail(container, [email])).get(email)
    const otherLogin = accounts?.logins.some((login) => login.id !== identity.id)
    const otherCustomer = accounts?.registered_customers.some(({ id }) => id !== ownCustomerId)
    if (otherLogin || otherCustomer) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `email: a store account already uses ${email}; log in as an affiliate with that ` +
          "account's email and password, then sign up"
      )
    }
    return new StepResponse({ email })
  }
)
