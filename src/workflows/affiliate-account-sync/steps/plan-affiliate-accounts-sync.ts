import type { FindConfig, MedusaContainer, ProviderIdentityDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * - `none`: already linked to a customer; only the tags may be missing.
 * - `link`: a registered customer with the affiliate's email exists.
 * - `upgrade_guest`: a guest customer with that email becomes a registered one.
 * - `create`: no customer yet; one is created.
 */
export type AccountSyncAction = "skip" | "none" | "link" | "upgrade_guest" | "create"

export type AccountSyncPlan = {
  affiliate_id: string
  email: string
  first_name: string
  last_name: string
  action: AccountSyncAction
  skip_reason: string | null
  /** The customer to link, upgrade or tag; null when one is to be created. */
  customer_id: string | null
  /** The affiliate's customer before this sync, to restore on failure. */
  previous_customer_id: string | null
  /** The emailpass identity the customer account logs in with, once it exists. */
  auth_identity_id: string | null
  /** No identity has the email: one is created and its owner invited to set a password. */
  create_identity: boolean
  /** The identity does not yet point at the customer account. */
  attach_identity: boolean
}

type AffiliateRow = {
  id: string
  email: string
  name: string
  status: string
  customer_id: string | null
}

type EmailpassIdentity = { auth_identity_id: string; customer_id: string | null }

const splitName = (name: string) => {
  const [first_name, ...rest] = name.trim().split(/\s+/)
  return { first_name: first_name ?? "", last_name: rest.join(" ") }
}

/**
 * Medusa's filter type takes one `entity_id`; the auth module, like every
 * module, reads a list as `IN`, which is twice as fast as an `$or` per email.
 */
type ProviderIdentityLookup = {
  listProviderIdentities(
    filters: { provider: string; entity_id: string[] },
    config: FindConfig<ProviderIdentityDTO>
  ): Promise<ProviderIdentityDTO[]>
}

/** The emailpass identities with these emails, by email. */
async function findEmailpassIdentities(container: MedusaContainer, emails: string[]) {
  const found = new Map<string, EmailpassIdentity>()
  if (!emails.length) {
    return found
  }
  const auth = container.resolve(Modules.AUTH) as unknown as ProviderIdentityLookup
  const providerIdentities = await auth.listProviderIdentities(
    { provider: "emailpass", entity_id: emails },
    { relations: ["auth_identity"] }
  )
  for (const { entity_id, auth_identity } of providerIdentities) {
    if (!auth_identity) {
      continue
    }
    const customerId = auth_identity.app_metadata?.customer_id
    found.set(entity_id, {
      auth_identity_id: auth_identity.id,
      customer_id: typeof customerId === "string" && customerId ? customerId : null,
    })
  }
  return found
}

/** Reads the customers of a whole batch, a query for each stage of the plan. */
function customerLookups(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  return {
    existingIds: async (ids: string[]) =>
      new Set(
        ids.length
          ? (await customers.listCustomers({ id: ids }, { select: ["id"] })).map(({ id }) => id)
          : []
      ),
    /**
     * In one query: which of these customer ids exist, and the customers with
     * these emails (the registered one, at most one per email, and the oldest
     * guest).
     */
    byIdOrEmail: async (ids: string[], emails: string[]) => {
      const existing = new Set<string>()
      const registered = new Map<string, string>()
      const guests = new Map<string, string>()
      if (!ids.length && !emails.length) {
        return { existing, registered, guests }
      }
      const rows = await customers.listCustomers(
        { $or: [...(ids.length ? [{ id: ids }] : []), ...(emails.length ? [{ email: emails }] : [])] },
        { select: ["id", "email", "has_account"], order: { created_at: "ASC" } }
      )
      for (const { id, email, has_account } of rows) {
        existing.add(id)
        const byEmail = has_account ? registered : guests
        if (!byEmail.has(email)) {
          byEmail.set(email, id)
        }
      }
      return { existing, registered, guests }
    },
  }
}

export const planAffiliateAccountsSyncStepId = "plan-affiliate-accounts-sync"

/**
 * Decides, from what exists now, how each affiliate becomes a store customer,
 * with a fixed number of queries whatever the batch size. Reads only; the
 * steps after it write.
 */
export const planAffiliateAccountsSyncStep = createStep(
  planAffiliateAccountsSyncStepId,
  async (input: { affiliate_ids: string[] }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const lookups = customerLookups(container)

    const affiliates: AffiliateRow[] = await service.listAffiliates(
      { id: input.affiliate_ids },
      { select: ["id", "email", "name", "status", "customer_id"] }
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
    const linked = await lookups.existingIds(
      approved.flatMap((affiliate) => affiliate.customer_id ?? [])
    )
    const unlinked = approved.filter(
      (affiliate) => !affiliate.customer_id || !linked.has(affiliate.customer_id)
    )
    const identities = await findEmailpassIdentities(
      container,
      unlinked.map((affiliate) => affiliate.email)
    )
    const { existing: identityCustomers, registered, guests } = await lookups.byIdOrEmail(
      [...identities.values()].flatMap((identity) => identity.customer_id ?? []),
      unlinked.map((affiliate) => affiliate.email)
    )
    // An identity that names its customer decides; otherwise the email does.
    const registeredCustomerOf = (email: string) => {
      const identityCustomer = identities.get(email)?.customer_id
      if (identityCustomer) {
        return identityCustomers.has(identityCustomer) ? identityCustomer : undefined
      }
      return registered.get(email)
    }

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
        create_identity: false,
        attach_identity: false,
      }
      if (affiliate.status !== "approved") {
        return { ...plan, skip_reason: `the affiliate is ${affiliate.status}, not approved` }
      }
      if (affiliate.customer_id && linked.has(affiliate.customer_id)) {
        return { ...plan, action: "none", customer_id: affiliate.customer_id }
      }

      const identity = identities.get(affiliate.email)
      plan.auth_identity_id = identity?.auth_identity_id ?? null
      const registeredId = registeredCustomerOf(affiliate.email)
      if (registeredId) {
        return { ...plan, action: "link", customer_id: registeredId }
      }

      plan.create_identity = !identity
      plan.attach_identity = true
      const guestId = guests.get(affiliate.email)
      return guestId
        ? { ...plan, action: "upgrade_guest", customer_id: guestId }
        : { ...plan, action: "create" }
    })
    return new StepResponse(plans)
  }
)
