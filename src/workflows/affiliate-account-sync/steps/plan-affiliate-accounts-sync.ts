import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AffiliateAccountDTO } from "../../../modules/affiliate/types"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"
import {
  findExistingCustomerIds,
  findLoginsByEmail,
  findLoginsById,
  findRegisteredCustomersByEmail,
  type StoreLogin,
} from "../../utils/store-accounts"

/**
 * - `none`: already linked to a customer; only the tags may be missing.
 * - `link`: the affiliate's own login already has a customer account.
 * - `create`: a new customer account is created on the affiliate's login.
 * - `skip`: not approved, or the email belongs to someone else's account.
 */
export type AccountSyncAction = "skip" | "none" | "link" | "create"

export type AccountSyncPlan = {
  affiliate_id: string
  email: string
  first_name: string
  last_name: string
  action: AccountSyncAction
  skip_reason: string | null
  /** The customer to link or tag; null when one is to be created. */
  customer_id: string | null
  /** The affiliate's customer before this sync, to restore on failure. */
  previous_customer_id: string | null
  /** The affiliate's own login; null when one is to be created. */
  auth_identity_id: string | null
  /** The affiliate's login before this sync, to restore on failure. */
  previous_auth_identity_id: string | null
  /** The affiliate has no login: one is created. */
  create_identity: boolean
  /** The login sync made has no password and no invite went out yet: invite its owner to set one. */
  invite: boolean
  /** The login does not yet point at the customer account. */
  attach_identity: boolean
}

/** `created_by` of the customers account sync creates, so an interrupted sync recognises its own. */
export const ACCOUNT_SYNC_CREATOR = "affiliate-account-sync"

export const ACCOUNT_IN_USE_REASON =
  "a store account with this email exists that is not this affiliate's login; " +
  "send the affiliate a login invite (POST /admin/affiliates/:id/login-invite): with it, the account's " +
  "owner claims this affiliate (log in as an affiliate with the same email and password, then POST /store/affiliates/claim)"

const splitName = (name: string) => {
  const [first_name, ...rest] = name.trim().split(/\s+/)
  return { first_name: first_name ?? "", last_name: rest.join(" ") }
}

export const planAffiliateAccountsSyncStepId = "plan-affiliate-accounts-sync"

/**
 * Decides how each affiliate becomes a store customer, with a fixed number of
 * queries whatever the batch size. Reads only; the steps after it write.
 *
 * An affiliate is only ever given a customer account that their own login
 * proves is theirs: the one their login already has (they signed up from
 * their customer account), or a new one on their login. A guest, admin-made,
 * imported or registered customer with the same email is never taken over:
 * an email is not proof of ownership.
 */
export const planAffiliateAccountsSyncStep = createStep(
  planAffiliateAccountsSyncStepId,
  async (input: { affiliate_ids: string[] }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)

    const affiliates = await service.listAffiliateAccounts(input.affiliate_ids)
    const affiliateById = new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
    const missing = input.affiliate_ids.filter((id) => !affiliateById.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Affiliate with id: ${missing.join(", ")} was not found`
      )
    }

    const approved = affiliates.filter((affiliate) => affiliate.status === "approved")
    // Only a login tied to the affiliate counts: whoever registered a login
    // with the same email proved nothing.
    const loginsById = await findLoginsById(
      container,
      approved.flatMap((affiliate) => affiliate.auth_identity_id ?? [])
    )
    const recordedLoginOf = (affiliate: AffiliateAccountDTO) => {
      const login = affiliate.auth_identity_id ? loginsById.get(affiliate.auth_identity_id) : undefined
      return login?.affiliate_id === affiliate.id ? login : undefined
    }
    const existingCustomers = await findExistingCustomerIds(container, [
      ...approved.flatMap((affiliate) => affiliate.customer_id ?? []),
      ...approved.flatMap((affiliate) => recordedLoginOf(affiliate)?.customer_id ?? []),
    ])
    const isLinked = (affiliate: AffiliateAccountDTO) =>
      !!affiliate.customer_id && existingCustomers.has(affiliate.customer_id)
    const loginCustomerOf = (affiliate: AffiliateAccountDTO) => {
      const customerId = recordedLoginOf(affiliate)?.customer_id
      return customerId && existingCustomers.has(customerId) ? customerId : null
    }
    const needAccount = approved.filter(
      (affiliate) => !isLinked(affiliate) && !loginCustomerOf(affiliate)
    )
    // Other logins with the email matter only to an affiliate without one of
    // their own: the emails of the others are not read.
    const [loginsByEmail, customersByEmail] = await Promise.all([
      findLoginsByEmail(
        container,
        needAccount.filter((affiliate) => !recordedLoginOf(affiliate)).map((affiliate) => affiliate.email)
      ),
      findRegisteredCustomersByEmail(
        container,
        needAccount.map((affiliate) => affiliate.email)
      ),
    ])

    const plans = input.affiliate_ids.map((id): AccountSyncPlan => {
      const affiliate = affiliateById.get(id)!
      const plan: AccountSyncPlan = {
        affiliate_id: affiliate.id,
        email: affiliate.email,
        ...splitName(affiliate.name),
        action: "skip",
        skip_reason: null,
        customer_id: null,
        previous_customer_id: affiliate.customer_id,
        auth_identity_id: null,
        previous_auth_identity_id: affiliate.auth_identity_id,
        create_identity: false,
        invite: false,
        attach_identity: false,
      }
      if (affiliate.status !== "approved") {
        return { ...plan, skip_reason: `the affiliate is ${affiliate.status}, not approved` }
      }
      // A login sync made whose invite never went out (its process died in between) gets it now.
      const withLogin = (login: StoreLogin | undefined): AccountSyncPlan => ({
        ...plan,
        auth_identity_id: login?.id ?? null,
        invite: !!login && !login.has_password && !affiliate.account_invited_at,
      })
      const recordedLogin = recordedLoginOf(affiliate)
      if (isLinked(affiliate)) {
        return { ...withLogin(recordedLogin), action: "none", customer_id: affiliate.customer_id }
      }
      const loginCustomer = loginCustomerOf(affiliate)
      if (loginCustomer) {
        return { ...withLogin(recordedLogin), action: "link", customer_id: loginCustomer }
      }

      const email = normalizeEmail(affiliate.email)
      const logins = loginsByEmail.get(email) ?? []
      const registeredCustomers = customersByEmail.get(email) ?? []
      // What an interrupted sync of this affiliate left: the login it made
      // (tied to the affiliate) and the customer it made (marked as its own).
      const login = recordedLogin ?? logins.find((found) => found.affiliate_id === affiliate.id)
      const madeBySync = registeredCustomers.find(
        (customer) =>
          customer.created_by === ACCOUNT_SYNC_CREATOR && customer.affiliate_id === affiliate.id
      )
      const onLogin = withLogin(login)
      const next = {
        ...onLogin,
        create_identity: !login,
        invite: !login || onLogin.invite,
        attach_identity: true,
      }
      if (madeBySync) {
        return { ...next, action: "link", customer_id: madeBySync.id }
      }
      // A new registered customer, unless the email already has an account
      // (Medusa allows one registered customer per email) or, for an
      // affiliate without a login of their own, someone else's login.
      if (registeredCustomers.length || (!login && logins.length)) {
        return { ...plan, skip_reason: ACCOUNT_IN_USE_REASON }
      }
      return { ...next, action: "create" }
    })
    return new StepResponse(plans)
  }
)
