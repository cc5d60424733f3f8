import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
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
  /** The emailpass identity the customer account logs in with, once it exists. */
  auth_identity_id: string | null
  /** No identity has the email: one is created and its owner invited to set a password. */
  create_identity: boolean
  /** The identity does not yet point at the customer account. */
  attach_identity: boolean
}

type EmailpassIdentity = {
  auth_identity_id: string
  customer_id: string | null
}

const splitName = (name: string) => {
  const [first_name, ...rest] = name.trim().split(/\s+/)
  return { first_name: first_name ?? "", last_name: rest.join(" ") }
}

async function findEmailpassIdentity(
  container: MedusaContainer,
  email: string
): Promise<EmailpassIdentity | null> {
  const [providerIdentity] = await container
    .resolve(Modules.AUTH)
    .listProviderIdentities(
      { provider: "emailpass", entity_id: email },
      { relations: ["auth_identity"], take: 1 }
    )
  const identity = providerIdentity?.auth_identity
  if (!identity) {
    return null
  }
  const customerId = identity.app_metadata?.customer_id
  return {
    auth_identity_id: identity.id,
    customer_id: typeof customerId === "string" && customerId ? customerId : null,
  }
}

export const planAffiliateAccountSyncStepId = "plan-affiliate-account-sync"

/**
 * Decides, from what exists now, how an affiliate becomes a store customer.
 * Reads only; the steps after it write.
 */
export const planAffiliateAccountSyncStep = createStep(
  planAffiliateAccountSyncStepId,
  async (input: { affiliate_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    const affiliate = await service.retrieveAffiliate(input.affiliate_id, {
      select: ["id", "email", "name", "status", "customer_id"],
    })

    const plan: AccountSyncPlan = {
      affiliate_id: affiliate.id,
      email: affiliate.email,
      ...splitName(affiliate.name),
      action: "skip",
      skip_reason: null,
      customer_id: null,
      auth_identity_id: null,
      create_identity: false,
      attach_identity: false,
    }

    if (affiliate.status !== "approved") {
      plan.skip_reason = `the affiliate is ${affiliate.status}, not approved`
      return new StepResponse(plan)
    }

    if (affiliate.customer_id) {
      const [linked] = await customers.listCustomers(
        { id: affiliate.customer_id },
        { select: ["id"], take: 1 }
      )
      if (linked) {
        return new StepResponse({ ...plan, action: "none" as const, customer_id: linked.id })
      }
    }

    const identity = await findEmailpassIdentity(container, affiliate.email)
    plan.auth_identity_id = identity?.auth_identity_id ?? null

    const [registered] = await customers.listCustomers(
      identity?.customer_id
        ? { id: identity.customer_id }
        : { email: affiliate.email, has_account: true },
      { select: ["id"], take: 1 }
    )
    if (registered) {
      return new StepResponse({ ...plan, action: "link" as const, customer_id: registered.id })
    }

    plan.create_identity = !identity
    plan.attach_identity = true
    const [guest] = await customers.listCustomers(
      { email: affiliate.email, has_account: false },
      { select: ["id"], take: 1, order: { created_at: "ASC" } }
    )
    if (guest) {
      return new StepResponse({ ...plan, action: "upgrade_guest" as const, customer_id: guest.id })
    }
    return new StepResponse({ ...plan, action: "create" as const })
  }
)
