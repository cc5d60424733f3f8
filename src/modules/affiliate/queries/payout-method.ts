import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { PayoutMethod } from "../models/affiliate"

/** How an affiliate is paid, with who set it and when. */
export type AffiliatePayoutMethodDTO = {
  payout_method: PayoutMethod | null
  payout_details: Record<string, string> | null
  payout_method_updated_at: Date | null
  /** An admin user's id, or `affiliate`. */
  payout_method_updated_by: string | null
}

/**
 * Replaces an affiliate's payout method and details, and returns what they
 * were (null: no such affiliate). One statement, so a payout batch reading
 * the row sees the old method with its details or the new one with its
 * own, never a half; and a whole replace, where the generated update would
 * merge the new details into the old ones.
 */
export async function replacePayoutMethod(
  knex: Knex,
  affiliateId: string,
  next: AffiliatePayoutMethodDTO
): Promise<AffiliatePayoutMethodDTO | null> {
  const { rows } = await knex.raw(
    `update affiliate as af
        set payout_method = ?, payout_details = ?::jsonb,
            payout_method_updated_at = ?, payout_method_updated_by = ?, updated_at = now()
       from (select id, payout_method, payout_details, payout_method_updated_at, payout_method_updated_by
               from affiliate where id = ? and deleted_at is null for update) as before
      where af.id = before.id
  returning before.payout_method, before.payout_details,
            before.payout_method_updated_at, before.payout_method_updated_by`,
    [
      next.payout_method,
      next.payout_details === null ? null : JSON.stringify(next.payout_details),
      next.payout_method_updated_at,
      next.payout_method_updated_by,
      affiliateId,
    ]
  )
  return rows[0] ?? null
}
