import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../modules/affiliate/utils/normalize"

/**
 * Reads of Medusa's auth and customer tables in SQL: what their modules'
 * filters cannot express (emails compared in their normalized form, JSON keys of
 * metadata), and the batch reads of account sync, where loading ORM entities
 * cost more than the query. Each is one query for any number of emails or ids.
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

/**
 * `normalizeEmail` in SQL, for comparing a column with normalized addresses:
 * NFKC, then lower case by collation "C", which changes only A–Z. A
 * database's own locale would lower-case more (`İ` to `i`, or `I` to `ı` in
 * Turkish) than JavaScript does to the same text; with only A–Z changed, a
 * row equals an accepted (ASCII) address in SQL exactly when it does in code.
 * ASCII text (as many bytes as characters) is its own NFKC: skipping
 * `normalize()` for it keeps a scan of 200,000 logins at the cost of plain
 * `lower()` (0.13 s) instead of 0.47 s.
 */
const normalizedEmailSql = (column: string): string =>
  `lower((case when octet_length(${column}) = char_length(${column}) then ${column} ` +
  `else normalize(${column}, NFKC) end) collate "C")`

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

const groupByEmail = <T extends { email: string }>(rows: T[]): Map<string, T[]> => {
  const byEmail = new Map<string, T[]>()
  for (const row of rows) {
    const key = normalizeEmail(row.email)
    const found = byEmail.get(key)
    if (found) {
      found.push(row)
    } else {
      byEmail.set(key, [row])
    }
  }
  return byEmail
}

/**
 * The email/password logins with each email, in any letter case or width, by
 * the normalized email. Medusa compares emails as written (`V@x.test` and
 * `v@x.test` can be two logins); the plugin treats them as one person.
 * Without an index on the normalized email this reads the whole table: ask
 * only for the emails that need it.
 */
export async function findLoginsByEmail(
  container: MedusaContainer,
  emails: string[]
): Promise<Map<string, StoreLogin[]>> {
  const normalized = [...new Set(emails.map(normalizeEmail))]
  if (!normalized.length) {
    return new Map()
  }
  const logins: StoreLogin[] = await loginsQuery(container).whereRaw(
    `${normalizedEmailSql("login.entity_id")} = any(?)`,
    [normalized]
  )
  return groupByEmail(logins)
}

/** The registered customers with each email, in any letter case or width, by the normalized email (see `findLoginsByEmail`). */
export async function findRegisteredCustomersByEmail(
  container: MedusaContainer,
  emails: string[]
): Promise<Map<string, RegisteredCustomer[]>> {
  const normalized = [...new Set(emails.map(normalizeEmail))]
  if (!normalized.length) {
    return new Map()
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const customers: RegisteredCustomer[] = await knex("customer")
    .select("id", "email", "created_by", knex.raw("metadata ->> 'affiliate_id' as affiliate_id"))
    .where({ has_account: true })
    .whereNull("deleted_at")
    .whereRaw(`${normalizedEmailSql("email")} = any(?)`, [normalized])
  return groupByEmail(customers)
}

/** Who already has an account with each email, by the normalized email (see `findLoginsByEmail`). */
export async function findStoreAccountsByEmail(
  container: MedusaContainer,
  emails: string[]
): Promise<Map<string, StoreAccountsOfEmail>> {
  const [logins, customers] = await Promise.all([
    findLoginsByEmail(container, emails),
    findRegisteredCustomersByEmail(container, emails),
  ])
  const accounts = new Map<string, StoreAccountsOfEmail>()
  for (const email of new Set([...logins.keys(), ...customers.keys()])) {
    accounts.set(email, {
      logins: logins.get(email) ?? [],
      registered_customers: customers.get(email) ?? [],
    })
  }
  return accounts
}

/**
 * The customer with this email in any letter case or width, a registered one
 * before a guest (Medusa keeps at most one of each per email as written).
 */
export async function findCustomerByEmail(
  container: MedusaContainer,
  email: string
): Promise<{ id: string } | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [customer]: { id: string }[] = await knex("customer")
    .select("id")
    .whereNull("deleted_at")
    .whereRaw(`${normalizedEmailSql("email")} = ?`, [normalizeEmail(email)])
    .orderBy([{ column: "has_account", order: "desc" }, "created_at", "id"])
    .limit(1)
  return customer ?? null
}

/** Which of these customers exist (not deleted). */
export async function findExistingCustomerIds(
  container: MedusaContainer,
  ids: string[]
): Promise<Set<string>> {
  if (!ids.length) {
    return new Set()
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const customers: { id: string }[] = await knex("customer")
    .select("id")
    .whereIn("id", [...new Set(ids)])
    .whereNull("deleted_at")
  return new Set(customers.map(({ id }) => id))
}

/** The groups among `groupIds` each customer is in, by customer id. */
export async function findGroupMemberships(
  container: MedusaContainer,
  customerIds: string[],
  groupIds: string[]
): Promise<Map<string, Set<string>>> {
  const memberships = new Map<string, Set<string>>()
  if (!customerIds.length || !groupIds.length) {
    return memberships
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { customer_id: string; customer_group_id: string }[] = await knex(
    "customer_group_customer"
  )
    .select("customer_id", "customer_group_id")
    .whereIn("customer_id", customerIds)
    .whereIn("customer_group_id", groupIds)
    .whereNull("deleted_at")
  for (const { customer_id, customer_group_id } of rows) {
    memberships.set(customer_id, (memberships.get(customer_id) ?? new Set()).add(customer_group_id))
  }
  return memberships
}

/**
 * When the password of a login was last set: its email/password identity's
 * last update (Medusa keeps nothing else on it). Null without one.
 */
export async function findPasswordSetAt(
  container: MedusaContainer,
  authIdentityId: string
): Promise<Date | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [login]: { updated_at: Date | null }[] = await knex("provider_identity")
    .select("updated_at")
    .where({ auth_identity_id: authIdentityId, provider: "emailpass" })
    .whereNull("deleted_at")
    .limit(1)
  return login?.updated_at ?? null
}
