import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { checkEmail } from "../../../modules/affiliate/utils/email"
import { matchesLoginInvite } from "../../../modules/affiliate/utils/login-invite"

export type ValidateLoginClaimStepInput = { auth_identity_id: string; token: string }

/**
 * One answer for every token that opens nothing, whatever the reason (none
 * issued, replaced, used, another email's): it tells a guesser nothing.
 */
export const INVALID_LOGIN_INVITE_MESSAGE =
  "This login invite is not valid: it was replaced by a newer one or already used, or it was sent to " +
  "another email than this login's. Log in with the email the invite was sent to, or ask the store for a new invite"

const invalid = (message = INVALID_LOGIN_INVITE_MESSAGE) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, message)

export const validateLoginClaimStepId = "validate-affiliate-login-claim"

/**
 * Whether a login may claim an affiliate with a login invite: the token is
 * the affiliate's current invite (compared in constant time), made for the
 * email of this login — the affiliate's email, so the token proves the login's
 * owner reads that mailbox — and not expired; the affiliate has no login and
 * the login is no other live affiliate's. Returns the affiliate. Read-only.
 */
export const validateLoginClaimStep = createStep(
  validateLoginClaimStepId,
  async (input: ValidateLoginClaimStepInput, { container }) => {
    const identity = await container
      .resolve(Modules.AUTH)
      .retrieveAuthIdentity(input.auth_identity_id, { relations: ["provider_identities"] })
    const loginEmail = identity.provider_identities?.find(
      (provider) => provider.provider === "emailpass"
    )?.entity_id
    const checked = loginEmail ? checkEmail(loginEmail) : undefined
    if (!checked?.valid) {
      throw invalid()
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const tiedAffiliateId = identity.app_metadata?.affiliate_id
    if (typeof tiedAffiliateId === "string" && tiedAffiliateId) {
      const [live] = await service.listAffiliates({ id: tiedAffiliateId }, { select: ["id"] })
      if (live) {
        throw invalid("This login is already an affiliate: log in again to get a token for it")
      }
    }

    const [affiliate] = await service.listAffiliates(
      { email: checked.email },
      {
        select: ["id", "email", "auth_identity_id", "login_invite_token_hash", "login_invite_expires_at"],
        take: 1,
      }
    )
    const hash = affiliate?.login_invite_token_hash
    if (!affiliate || !hash || !matchesLoginInvite(hash, affiliate.email, input.token)) {
      throw invalid()
    }
    // Past this point the caller holds the affiliate's own token: saying more tells them nothing new.
    if (affiliate.auth_identity_id) {
      throw invalid(
        "This affiliate already has a login: log in with its email and password, or set a new " +
          "password with forgot password (POST /auth/affiliate/emailpass/reset-password)"
      )
    }
    if (!affiliate.login_invite_expires_at || new Date(affiliate.login_invite_expires_at) <= new Date()) {
      throw invalid("This login invite has expired: ask the store for a new one")
    }
    return new StepResponse({ affiliate_id: affiliate.id })
  }
)
