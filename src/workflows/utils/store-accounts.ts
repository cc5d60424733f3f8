import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../modules/affiliate/utils/normalize"

/**
 * Reads of Medusa's auth and customer tables that their modules' filters
 * cannot express: emails compared with `lower()`, and JSON keys of metadata.
 * Each is one query for any number of emails or ids.
 */

/** An email/password login (one login can serve customers, affiliates and admins). */
export type StoreLogin = {
  id: string
  email: string
  /** The affiliate the login is tied to (`app_metadata.affiliate_id`). */
  affiliate_id: string | null
  /** The customer account the login opens (`app_metadata.customer_id`). */
  customer_id: string | null
  has_password: boolean
}

/** A customer with an account (`has_account`); guests are not accounts. */
export type RegisteredCustomer = {
  id: string
  email: string
  created_by: string | null
  /** `metadata.affiliate_id`, which account sync writes on the customers it creates. */
  affiliate_id: string | null
}

export type StoreAccountsOfEmail = {
  logins: StoreLogin[]
  registered_customers: RegisteredCustomer[]
}

const loginsQuery = (container: MedusaContainer) => {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  return knex("provider_identity as login")
    .join("auth_identity as identity", "identity.id", "login.auth_identity_id")
    .select(
      "login.auth_identity_id as id",
      "login.entity_id as email",
      knex.raw("identity.app_metadata ->> 'affiliate_id' as affiliate_id"),
      knex.raw("identity.app_metadata ->> 'customer_id' as customer_id"),
      knex.raw("(login.provider_metadata ->> 'password') is not null as has_password")
    )
    .where("login.provider", "emailpass")
    .whereNull("login.deleted_at")
    .whereNull("identity.deleted_at")
}

/** The email/password logins with these auth identity ids, by id. */
export async function findLoginsById(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, StoreLogin>> {
  if (!ids.length) {
    return new Map()
  }
  const logins: StoreLogin[] = await loginsQuery(container).whereIn("login.auth_identity_id", ids)
  return new Map(logins.map((login) => [login.id, login]))
}

/**
 * Who already has an account with each email, in any letter case, by the
 * lower-cased email. Medusa compares emails as written (`V@x.test` and
 * `v@x.test` can be two logins); the plugin treats them as one person.
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
  const [logins, customers] = await Promise.all([
    loginsQuery(container).whereRaw("lower(login.entity_id) = any(?)", [lowered]),
    knex("customer")
      .select("id", "email", "created_by", knex.raw("metadata ->> 'affiliate_id' as affiliate_id"))
      .where({ has_account: true })
      .whereNull("deleted_at")
      .whereRaw("lower(email) = any(?)", [lowered]),
  ])
  const accountsOf = (email: string) => {
    const key = normalizeEmail(email)
    let found = accounts.get(key)
    if (!found) {
      found = { logins: [], registered_customers: [] }
      accounts.set(key, found)
    }
    return found
  }
  for (const login of logins as StoreLogin[]) {
    accountsOf(login.email).logins.push(login)
  }
  for (const customer of customers as RegisteredCustomer[]) {
    accountsOf(customer.email).registered_customers.push(customer)
  }
  return accounts
}
