import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AffiliateAccountDTO } from "../types"

/** A sync run's counters, failures and cursor after a batch. */
export type SyncRunProgress = {
  processed: number
  created: number
  linked: number
  tagged: number
  unchanged: number
  skipped: number
  failed: number
  errors: Record<string, string>
  cursor: string
}

/**
 * Claims a running sync run for this process: true for exactly one caller,
 * however many deliveries of its event arrive at once. A run whose
 * heartbeat is older than the lease lost its process (a worker that died):
 * it can be claimed again, and goes on from its cursor.
 */
export async function claimSyncRun(knex: Knex, runId: string, leaseSeconds: number): Promise<boolean> {
  const claimed = await knex("affiliate_sync_run")
    .update({ claimed_at: knex.fn.now(), heartbeat_at: knex.fn.now(), updated_at: knex.fn.now() })
    .where({ id: runId, status: "running" })
    .whereNull("deleted_at")
    .whereRaw(
      "(claimed_at is null or coalesce(heartbeat_at, claimed_at) < now() - make_interval(secs => ?))",
      [leaseSeconds]
    )
    .returning("id")
  return claimed.length === 1
}

/**
 * Renews a sync run's heartbeat and, after a batch, records its counters,
 * failures and cursor. One statement: it runs after every batch, and the
 * generated update reads the row before writing it.
 */
export async function recordSyncRunProgress(
  knex: Knex,
  runId: string,
  progress?: SyncRunProgress
): Promise<void> {
  const { errors, ...columns } = progress ?? {}
  await knex("affiliate_sync_run")
    .update({
      ...columns,
      ...(errors && { errors: JSON.stringify(errors) }),
      heartbeat_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
    .where({ id: runId })
}

/**
 * The ids of the next `take` approved affiliates after `afterId`, in id
 * order: the batches of an account-sync run.
 */
export async function listApprovedAffiliateIdsAfter(
  knex: Knex,
  afterId: string | null,
  take: number
): Promise<string[]> {
  const query = knex("affiliate").select("id").where({ status: "approved" }).whereNull("deleted_at")
  if (afterId) {
    query.where("id", ">", afterId)
  }
  const rows: { id: string }[] = await query.orderBy("id").limit(take)
  return rows.map(({ id }) => id)
}

/**
 * What account sync reads of these affiliates, as plain rows: loading a
 * batch of affiliates as ORM entities (with their collections) costs more
 * than the query.
 */
export async function listAffiliateAccounts(knex: Knex, ids: string[]): Promise<AffiliateAccountDTO[]> {
  if (!ids.length) {
    return []
  }
  return knex("affiliate")
    .select("id", "email", "name", "status", "customer_id", "auth_identity_id", "account_invited_at")
    .whereIn("id", ids)
    .whereNull("deleted_at")
}

/** An affiliate's store customer account and login, as account sync links them. */
export type AffiliateAccountLink = {
  affiliate_id: string
  customer_id: string | null
  auth_identity_id: string | null
}

/**
 * Records each affiliate's store customer account and login in one
 * statement: a sync batch links up to a hundred at once, which row-by-row
 * updates make slow.
 */
export async function setAffiliateAccounts(
  knex: Knex,
  accounts: AffiliateAccountLink[]
): Promise<void> {
  if (!accounts.length) {
    return
  }
  await knex.raw(
    `update affiliate
     set customer_id = account.customer_id, auth_identity_id = account.auth_identity_id,
         updated_at = now()
     from unnest(?::text[], ?::text[], ?::text[])
       as account(affiliate_id, customer_id, auth_identity_id)
     where affiliate.id = account.affiliate_id and affiliate.deleted_at is null`,
    // Knex's binding types leave out arrays holding nulls; pg sends each null as SQL null.
    [
      accounts.map((account) => account.affiliate_id),
      accounts.map((account) => account.customer_id) as string[],
      accounts.map((account) => account.auth_identity_id) as string[],
    ]
  )
}
