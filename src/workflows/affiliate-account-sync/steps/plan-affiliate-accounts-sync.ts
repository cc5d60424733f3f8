import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"
import { findStoreAccountsByEmail } from "../../utils/find-store-accounts-by-email"

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
  /** The affiliate has no login: one is created and its owner invited to set a password. */
  create_identity: boolean
  /** The login does not yet point at the customer account. */
  attach_identity: boolean
}

type AffiliateRow = {
  id: string
  email: string
  name: string
  status: string
  customer_id: string | null
  auth_identity_id: string | null
}

export const ACCOUNT_IN_USE_REASON =
  "a store account with this email exists that is not this affiliate's login; " +
  "its owner becomes an affiliate from it (log in as an affiliate with the same email and password, then sign up)"

const splitName = (name: string) => {
  const [first_name, ...rest] = name.trim().split(/\s+/)
  return { first_name: first_name ?? "", last_name: rest.join(" ") }
}

/**
 * The affiliates' own logins, with the customer each already points at. Only
 * an identity tied to that affiliate (`app_metadata.affiliate_id`) counts:
 * whoever registered an identity with the same email proved nothing.
 */
async function findOwnLogins(container: MedusaContainer, affiliates: AffiliateRow[]) {
  const identityIds = affiliates.flatMap((affiliate) => affiliate.auth_identity_id ?? [])
  const identities = identityIds.length
    ? await container
        .resolve(Modules.AUTH)
        .listAuthIdentities({ id: identityIds }, { select: ["id", "app_metadata"] })
    : []
  const byId = new Map(identities.map((identity) => [identity.id, identity]))
  const logins = new Map<string, { auth_identity_id: string; customer_id: string | null }>()
  for (const affiliate of affiliates) {
    const identity = affiliate.auth_identity_id ? byId.get(affiliate.auth_identity_id) : undefined
    if (identity?.app_metadata?.affiliate_id !== affiliate.id) {
      continue
    }
    const customerId = identity.app_metadata.customer_id
    logins.set(affiliate.id, {
      auth_identity_id: identity.id,
      customer_id: typeof customerId === "string" && customerId ? customerId : null,
    })
  }
  return logins
}

async function findExistingCustomerIds(container: MedusaContainer, ids: string[]) {
  if (!ids.length) {
    return new Set<string>()
  }
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: ids }, { select: ["id"] })
  return new Set(customers.map(({ id }) => id))
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

    const affiliates: AffiliateRow[] = await service.listAffiliates(
      { id: input.affiliate_ids },
      { select: ["id", "email", "name", "status", "customer_id", "auth_identity_id"] }
    )
    const affiliateById = new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
    const missing = input.affiliate_ids.filter((id) => !affiliateById.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Affiliate with id: ${missing.join(", ")} was not found`
      )
    }

    const approved = affiliates.filter((affiliate) => affiliate.status === "approved")
    const logins = await findOwnLogins(container, approved)
    const existingCustomers = await findExistingCustomerIds(container, [
      ...approved.flatMap((affiliate) => affiliate.customer_id ?? []),
      ...[...logins.values()].flatMap((login) => login.customer_id ?? []),
    ])
    const isLinked = (affiliate: AffiliateRow) =>
      !!affiliate.customer_id && existingCustomers.has(affiliate.customer_id)
    const loginCustomerOf = (affiliate: AffiliateRow) => {
      const customerId = logins.get(affiliate.id)?.customer_id
      return customerId && existingCustomers.has(customerId) ? customerId : null
    }
    const needAccount = approved.filter(
      (affiliate) => !isLinked(affiliate) && !loginCustomerOf(affiliate)
    )
    const accounts = await findStoreAccountsByEmail(
      container,
      needAccount.map((affiliate) => affiliate.email)
    )

    const plans = input.affiliate_ids.map((id): AccountSyncPlan => {
      const affiliate = affiliateById.get(id)!
      const login = logins.get(affiliate.id)
      const plan: AccountSyncPlan = {
        affiliate_id: affiliate.id,
        email: affiliate.email,
        ...splitName(affiliate.name),
        action: "skip",
        skip_reason: null,
        customer_id: null,
        previous_customer_id: affiliate.customer_id,
        auth_identity_id: login?.auth_identity_id ?? null,
        previous_auth_identity_id: affiliate.auth_identity_id,
        create_identity: false,
        attach_identity: false,
      }
      if (affiliate.status !== "approved") {
        return { ...plan, skip_reason: `the affiliate is ${affiliate.status}, not approved` }
      }
      if (isLinked(affiliate)) {
        return { ...plan, action: "none", customer_id: affiliate.customer_id }
      }
      const loginCustomer = loginCustomerOf(affiliate)
      if (loginCustomer) {
        return { ...plan, action: "link", customer_id: loginCustomer }
      }

      // A new registered customer, unless the email already has an account
      // (Medusa allows one registered customer per email) or, for an
      // affiliate without a login of their own, someone else's login.
      const inUse = accounts.get(normalizeEmail(affiliate.email))
      if (inUse?.registered_customer_ids.length || (!login && inUse?.identity_ids.length)) {
        return { ...plan, skip_reason: ACCOUNT_IN_USE_REASON }
      }
      return { ...plan, action: "create", create_identity: !login, attach_identity: true }
    })
    return new StepResponse(plans)
  }
)
