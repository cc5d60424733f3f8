import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../modules/affiliate/utils/normalize"

/** The logins and registered customers that use one email, whatever its case. */
export type StoreAccountsOfEmail = {
  /** Email/password auth identities (one login can serve customers, affiliates and admins). */
  identity_ids: string[]
  /** Customers with an account (`has_account`); guests are not accounts. */
  registered_customer_ids: string[]
}

/**
 * Finds, by lower-cased email, who already has an account with each email.
 * Medusa compares emails as written (`V@x.test` and `v@x.test` can be two
 * logins); the plugin treats them as one person, so it reads Medusa's tables
 * with `lower()`, which the modules' filters cannot express. One scan of each
 * table for any number of emails.
 */
export async function findStoreAccountsByEmail(
  container: MedusaContainer,
  emails: string[]
): Promise<Map<string, StoreAccountsOfEmail>> {
  const lowered = [...new Set(emails.map(normalizeEmail))]
  const accounts = new Map<string, StoreAccountsOfEmail>()
  if (!lowered.length) {
    return accounts
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [identities, customers] = await Promise.all([
    knex("provider_identity")
      .select("entity_id as email", "auth_identity_id as id")
      .where({ provider: "emailpass" })
      .whereNull("deleted_at")
      .whereRaw("lower(entity_id) = any(?)", [lowered]),
    knex("customer")
      .select("email", "id")
      .where({ has_account: true })
      .whereNull("deleted_at")
      .whereRaw("lower(email) = any(?)", [lowered]),
  ])
  const accountsOf = (email: string) => {
    const key = normalizeEmail(email)
    let found = accounts.get(key)
    if (!found) {
      found = { identity_ids: [], registered_customer_ids: [] }
      accounts.set(key, found)
    }
    return found
  }
  for (const identity of identities as { email: string; id: string }[]) {
    accountsOf(identity.email).identity_ids.push(identity.id)
  }
  for (const customer of customers as { email: string; id: string }[]) {
    accountsOf(customer.email).registered_customer_ids.push(customer.id)
  }
  return accounts
}
