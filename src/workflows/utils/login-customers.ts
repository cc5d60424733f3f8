import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Writes `app_metadata.customer_id` of email/password identities in one SQL
 * statement per batch, where the auth module's `updateAuthIdentities` loads
 * each identity as an ORM entity to merge and write it. The result is the
 * same: the key set, the other keys kept (as its merge keeps them),
 * `updated_at` renewed, no event.
 */

export type LoginCustomer = { auth_identity_id: string; customer_id: string }

/** A login's `customer_id` before account sync set it, null when it had none. */
export type PreviousLoginCustomer = { auth_identity_id: string; customer_id: string | null }

const knexOf = (container: MedusaContainer) =>
  container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

/**
 * Points each login at its customer account. Returns the `customer_id` each
 * had before, read under the row lock of the same statement; fails, writing
 * nothing, if a login no longer exists (as the auth module's update does).
 */
export async function setLoginCustomers(
  container: MedusaContainer,
  logins: LoginCustomer[]
): Promise<PreviousLoginCustomer[]> {
  if (!logins.length) {
    return []
  }
  const ids = [...new Set(logins.map((login) => login.auth_identity_id))]
  const knex = knexOf(container)
  const { rows } = await knex.raw<{ rows: PreviousLoginCustomer[] }>(
    `with previous as (
       select id, app_metadata ->> 'customer_id' as customer_id
       from auth_identity
       where id = any(?) and deleted_at is null
       for update
     )
     update auth_identity identity
     set app_metadata = coalesce(identity.app_metadata, '{}'::jsonb)
           || jsonb_build_object('customer_id', login.customer_id),
         updated_at = now()
     from unnest(?::text[], ?::text[]) as login(auth_identity_id, customer_id), previous
     where identity.id = login.auth_identity_id and previous.id = identity.id
       -- All or nothing: with a login missing, no row is written.
       and (select count(*) from previous) = ?
     returning identity.id as auth_identity_id, previous.customer_id`,
    [
      ids,
      logins.map((login) => login.auth_identity_id),
      logins.map((login) => login.customer_id),
      ids.length,
    ]
  )
  if (rows.length < ids.length) {
    const existing: { id: string }[] = await knex("auth_identity")
      .select("id")
      .whereIn("id", ids)
      .whereNull("deleted_at")
    const found = new Set(existing.map(({ id }) => id))
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `AuthIdentity with id: ${ids.filter((id) => !found.has(id)).join(", ")} was not found`
    )
  }
  return rows
}

/**
 * Undoes `setLoginCustomers`: each login gets back the `customer_id` it had,
 * or loses the key if it had none; keys written since stay.
 */
export async function restoreLoginCustomers(
  container: MedusaContainer,
  previous: PreviousLoginCustomer[]
): Promise<void> {
  if (!previous.length) {
    return
  }
  await knexOf(container).raw(
    `update auth_identity identity
     set app_metadata = case
           when login.customer_id is null then identity.app_metadata - 'customer_id'
           else identity.app_metadata || jsonb_build_object('customer_id', login.customer_id)
         end,
         updated_at = now()
     from jsonb_to_recordset(?::jsonb) as login(auth_identity_id text, customer_id text)
     where identity.id = login.auth_identity_id`,
    [JSON.stringify(previous)]
  )
}
