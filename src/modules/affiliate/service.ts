import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import Affiliate from "./models/affiliate"
import AffiliateCommission from "./models/affiliate-commission"
import AffiliateCommissionAdjustment from "./models/affiliate-commission-adjustment"
import AffiliateConnection from "./models/affiliate-connection"
import AffiliateJobCursor from "./models/affiliate-job-cursor"
import AffiliateOrderAttribution from "./models/affiliate-order-attribution"
import AffiliatePromotion from "./models/affiliate-promotion"
import AffiliateSettings from "./models/affiliate-settings"
import AffiliateSyncRun from "./models/affiliate-sync-run"
import {
  resolveAffiliateModuleOptions,
  type ResolvedAffiliateModuleOptions,
} from "./options"
import {
  DEFAULT_ATTRIBUTION_ORDER,
  type AffiliateCommissionTotalsDTO,
  type AffiliateSettingsDTO,
  type AttributionMethod,
} from "./types"

/** The id of the single settings row. */
export const AFFILIATE_SETTINGS_ID = "affset_store"

class AffiliateModuleService extends MedusaService({
  Affiliate,
  AffiliateCommission,
  AffiliateCommissionAdjustment,
  AffiliateConnection,
  AffiliateJobCursor,
  AffiliateOrderAttribution,
  AffiliatePromotion,
  AffiliateSettings,
  AffiliateSyncRun,
}) {
  protected readonly options_: ResolvedAffiliateModuleOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.options_ = resolveAffiliateModuleOptions(options)
  }

  /**
   * The settings in force: the saved row merged over the defaults, so a store
   * that never saved settings still gets a complete answer.
   */
  async retrieveEffectiveSettings(): Promise<AffiliateSettingsDTO> {
    const [saved] = await this.listAffiliateSettings(
      { id: AFFILIATE_SETTINGS_ID },
      { take: 1 }
    )
    return {
      id: saved?.id ?? null,
      default_commission_rate:
        saved?.default_commission_rate == null
          ? this.options_.defaultCommissionRate
          : Number(saved.default_commission_rate),
      auto_approve: saved?.auto_approve ?? false,
      auto_approve_commissions: saved?.auto_approve_commissions ?? false,
      auto_connect: saved?.auto_connect ?? true,
      attribution_order:
        (saved?.attribution_order as AttributionMethod[] | null) ??
        DEFAULT_ATTRIBUTION_ORDER,
      account_sync: {
        enabled: saved?.account_sync_enabled ?? false,
        tags: (saved?.account_sync_tags as string[] | null) ?? [],
      },
    }
  }

  /**
   * The link an affiliate shares: the storefront with `?ref=CODE`, or null
   * when the plugin was not told the storefront's address.
   */
  async buildReferralLink(code: string): Promise<string | null> {
    if (!this.options_.storefrontUrl) {
      return null
    }
    const url = new URL(this.options_.storefrontUrl)
    url.searchParams.set("ref", code)
    return url.toString()
  }

  /**
   * Claims a running sync run for this process: true for exactly one caller,
   * however many deliveries of its event arrive at once. A run whose
   * heartbeat is older than the lease lost its process (a worker that died):
   * it can be claimed again, and goes on from its cursor.
   */
  @InjectManager()
  async claimSyncRun(
    runId: string,
    leaseSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
    const knex = manager.getTransactionContext() ?? manager.getKnex()
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
   * Records each affiliate's store customer account and login in one
   * statement: a sync batch links up to a hundred at once, which row-by-row
   * updates make slow.
   */
  @InjectManager()
  async setAffiliateAccounts(
    accounts: {
      affiliate_id: string
      customer_id: string | null
      auth_identity_id: string | null
    }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (!accounts.length) {
      return
    }
    const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
    const knex = manager.getTransactionContext() ?? manager.getKnex()
    await knex.raw(
      `update affiliate
       set customer_id = account.customer_id, auth_identity_id = account.auth_identity_id,
           updated_at = now()
       from unnest(?::text[], ?::text[], ?::text[])
         as account(affiliate_id, customer_id, auth_identity_id)
       where affiliate.id = account.affiliate_id and affiliate.deleted_at is null`,
      [
        accounts.map((account) => account.affiliate_id),
        accounts.map((account) => account.customer_id),
        accounts.map((account) => account.auth_identity_id),
      ]
    )
  }

  /** How many customers each affiliate has connected now (absent: none). */
  @InjectManager()
  async countActiveConnections(
    affiliateIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, number>> {
    if (!affiliateIds.length) {
      return {}
    }
    const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
    const knex = manager.getTransactionContext() ?? manager.getKnex()
    const rows: { affiliate_id: string; count: string }[] = await knex("affiliate_connection")
      .select("affiliate_id")
      .count({ count: "*" })
      .whereIn("affiliate_id", affiliateIds)
      .whereNull("ended_at")
      .whereNull("deleted_at")
      .groupBy("affiliate_id")
    return Object.fromEntries(rows.map((row) => [row.affiliate_id, Number(row.count)]))
  }

  /**
   * Commission totals per affiliate and currency: amounts by status and the
   * adjustments on live commissions, aggregated in the database.
   */
  @InjectManager()
  async summarizeCommissions(
    affiliateIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateCommissionTotalsDTO[]> {
    if (!affiliateIds.length) {
      return []
    }
    const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
    const knex = manager.getTransactionContext() ?? manager.getKnex()
    const adjustments = knex("affiliate_commission_adjustment")
      .select("commission_id")
      .sum({ total: "amount" })
      .whereNull("deleted_at")
      .groupBy("commission_id")
      .as("adj")
    const sumWhen = (condition: string, column = "c.amount") =>
      knex.raw(`coalesce(sum(${column}) filter (where ${condition}), 0)`)
    const rows: Record<string, string>[] = await knex("affiliate_commission as c")
      .leftJoin(adjustments, "adj.commission_id", "c.id")
      .select("c.affiliate_id", "c.currency_code")
      .select({
        pending: sumWhen("c.status = 'pending'"),
        approved: sumWhen("c.status = 'approved'"),
        paid: sumWhen("c.status = 'paid'"),
        rejected: sumWhen("c.status = 'rejected'"),
        adjustments: sumWhen("c.status <> 'rejected'", "adj.total"),
        // What the affiliate earns, all told; PostgreSQL's numeric sums are exact.
        net: sumWhen("c.status <> 'rejected'", "c.amount + coalesce(adj.total, 0)"),
        count: knex.raw("count(*) filter (where c.status <> 'rejected')"),
      })
      .whereIn("c.affiliate_id", affiliateIds)
      .whereNull("c.deleted_at")
      .groupBy("c.affiliate_id", "c.currency_code")
      .orderBy(["c.affiliate_id", "c.currency_code"])

    return rows.map((row) => ({
      affiliate_id: row.affiliate_id,
      currency_code: row.currency_code,
      commission_count: Number(row.count),
      pending: Number(row.pending),
      approved: Number(row.approved),
      paid: Number(row.paid),
      rejected: Number(row.rejected),
      adjustments: Number(row.adjustments),
      net: Number(row.net),
    }))
  }
}

export default AffiliateModuleService
