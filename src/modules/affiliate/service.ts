import type { Context } from "@medusajs/framework/types"
import type { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import Affiliate from "./models/affiliate"
import AffiliateCommission from "./models/affiliate-commission"
import AffiliateCommissionAdjustment, {
  ORDER_CANCELED_REFERENCE,
} from "./models/affiliate-commission-adjustment"
import AffiliateCommissionRule from "./models/affiliate-commission-rule"
import AffiliateConnection from "./models/affiliate-connection"
import AffiliateJobCursor from "./models/affiliate-job-cursor"
import AffiliateOrderAttribution from "./models/affiliate-order-attribution"
import AffiliatePayout, { type PayoutStatus } from "./models/affiliate-payout"
import AffiliatePayoutBatch from "./models/affiliate-payout-batch"
import AffiliatePayoutItem from "./models/affiliate-payout-item"
import AffiliateProgram from "./models/affiliate-program"
import AffiliatePromotion from "./models/affiliate-promotion"
import AffiliateSettings from "./models/affiliate-settings"
import AffiliateSyncRun from "./models/affiliate-sync-run"
import {
  type AffiliateNotificationOptions,
  type AffiliateRateLimitOptions,
  resolveAffiliateModuleOptions,
  type ResolvedAffiliateModuleOptions,
} from "./options"
import { type AffiliatePayoutProvider, payoutProviderKey } from "./payout-provider"
import {
  type ListedTable,
  listRowSelectList,
  type ListRowsSelect,
  type ListRowTable,
  withMoneyNumbers,
} from "./utils/list-rows"
import {
  livePayoutsHolding,
  lockCommissions,
  lockOrderCommissions,
} from "./queries/commission-locks"
import { assertCommissionStatusChange, type CommissionStatusChange } from "./utils/commission-status"
import { refundAdjustments } from "./utils/money"
import { assertPayoutTransition } from "./utils/payout-status"
import { heldLines, lockPayout, writeCommissionStatuses, writePayout } from "./queries/payout-status"
import { balanceRows, type LedgerFilter, lockPayableCommissions, payableLines } from "./queries/payout-ledger"
import {
  DEFAULT_ATTRIBUTION_ORDER,
  type AffiliateAccountDTO,
  type AffiliateCommissionCountDTO,
  type AffiliateCommissionFilters,
  type AffiliateBalanceDTO,
  type AffiliateCommissionTotalsDTO,
  type CanceledOrderReversalDTO,
  type CommissionStatusBeforeDTO,
  type CreatePayoutBatchDTO,
  type OrderRefundDTO,
  type PayoutStatusBeforeDTO,
  type AffiliateCustomerRowDTO,
  type CommissionReassignmentDTO,
  type ReassignCommissionDTO,
  type AffiliateProgramDTO,
  type AffiliateProgramTermsDTO,
  type AffiliateSettingsDTO,
  type AttributionMethod,
  type ConnectionLifetimeDTO,
} from "./types"

/** The id of the default program the migration creates. */
export const DEFAULT_PROGRAM_ID = "affprog_default"

/** listRowsWithAffiliate's names for an adjustment's commission and for the affiliate's columns. */
const ADJUSTMENT_OWNER = "owner_commission_id"
const AFFILIATE_PREFIX = "affiliate__"

/** The id of the single settings row. */
export const AFFILIATE_SETTINGS_ID = "affset_store"

const COMMISSION_FILTER_COLUMNS = [
  "affiliate_id",
  "order_id",
  "customer_id",
  "status",
  "attribution",
  "currency_code",
  "program_id",
  "flag",
] as const
const COMPARISONS = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" } as const
/**
 * Up to this many matching commissions a count is exact; beyond, it is the
 * query planner's estimate. Counting 10,000 rows from an index takes about a
 * millisecond, counting a ledger of 1,000,000 about 35.
 */
const EXACT_COUNT_LIMIT = 10_000
/** Offsets below this are read without waiting for the count (an index range of at most this many rows). */
const SHALLOW_OFFSET = 1000
/** Connections ended by one statement of the expiry: a short lock on a few rows at a time. */
const EXPIRY_BATCH_SIZE = 1000

/**
 * Each affiliate's program row: its own, or the default program when it has
 * none. As SQL joined on `a` (the affiliate) and naming the program `p`.
 */
const PROGRAM_OF_AFFILIATE_SQL = `
  join affiliate_program p on p.deleted_at is null and p.id = coalesce(
    a.program_id,
    (select d.id from affiliate_program d where d.is_default = true and d.deleted_at is null limit 1))`

/**
 * An affiliate's customers, as SQL shared by the page and the count: live
 * connections to the affiliate, and customers the affiliate referred (by
 * link or coupon, credited) who are not connected to them, with their latest
 * referral.
 */
const AFFILIATE_CUSTOMERS_SQL = {
  connected: `
    select id, customer_id, source, created_by, created_at, credited_orders
    from affiliate_connection
    where affiliate_id = :affiliateId and ended_at is null and deleted_at is null`,
  referred: `
    select r.customer_id, max(r.created_at) as created_at
    from affiliate_order_attribution r
    where r.affiliate_id = :affiliateId and r.outcome = 'credited'
      and r.method in ('coupon', 'link') and r.customer_id is not null
      and r.deleted_at is null
      and not exists (
        select 1 from affiliate_connection c
        where c.customer_id = r.customer_id and c.affiliate_id = :affiliateId
          and c.ended_at is null and c.deleted_at is null)
    group by r.customer_id`,
}

/** A base URL whose last path segment is kept when a relative path is resolved against it. */
function withTrailingSlash(url: string) {
  return url.endsWith("/") ? url : `${url}/`
}

/** The query builder of the transaction in progress, else of the module's manager. */
function knexOf(sharedContext: Context<EntityManager>) {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
  return manager.getTransactionContext() ?? manager.getKnex()
}

/** Live commissions matching the filters, as a query to select from. */
function commissionsMatching(knex: Knex, filters: AffiliateCommissionFilters) {
  const query = knex("affiliate_commission").whereNull("deleted_at")
  for (const column of COMMISSION_FILTER_COLUMNS) {
    const values = filters[column]
    if (values) {
      query.whereIn(column, values)
    }
  }
  for (const [operator, value] of Object.entries(filters.created_at ?? {})) {
    query.where("created_at", COMPARISONS[operator as keyof typeof COMPARISONS], value)
  }
  return query
}

/** The settings row as stored (see AffiliateSettings). */
type SavedSettings = {
  id: string
  default_commission_rate: unknown
  auto_approve: boolean | null
  auto_approve_commissions: boolean | null
  auto_connect: boolean | null
  attribution_order: unknown
  account_sync_enabled: boolean | null
  account_sync_tags: unknown
  hold_days: number | null
  minimum_payouts: unknown
}

type ProgramTermsRow = Omit<AffiliateProgramTermsDTO, "commission_rate" | "rules"> & {
  commission_rate: string | number | null
  rules: (Omit<AffiliateProgramTermsDTO["rules"][number], "rate"> & { rate: string | number | null })[]
}

/** One program's terms and rules as one row; `where` picks the program (`p`). */
const programTermsSql = (where: string) =>
  `select p.id, p.commission_type, p.commission_rate, p.commission_amounts,
          p.connection_lifetime, p.connection_lifetime_value, p.referral_window_days,
          p.auto_approve_commissions, p.self_referral_policy, p.tier_metric, p.tier_period, p.tiers,
          coalesce((
            select json_agg(json_build_object('id', r.id, 'target', r.target, 'target_id', r.target_id,
                     'kind', r.kind, 'rate', r.rate, 'amounts', r.amounts) order by r.id)
            from affiliate_commission_rule r
            where r.program_id = p.id and r.deleted_at is null), '[]') as rules
   from affiliate_program p
   where ${where} and p.deleted_at is null
   limit 1`

const toProgramTerms = (row: ProgramTermsRow): AffiliateProgramTermsDTO => ({
  ...row,
  commission_rate: row.commission_rate == null ? null : Number(row.commission_rate),
  rules: row.rules.map((rule) => ({ ...rule, rate: rule.rate == null ? null : Number(rule.rate) })),
})

class AffiliateModuleService extends MedusaService({
  Affiliate,
  AffiliateCommission,
  AffiliateCommissionAdjustment,
  AffiliateCommissionRule,
  AffiliateConnection,
  AffiliateJobCursor,
  AffiliateOrderAttribution,
  AffiliatePayout,
  AffiliatePayoutBatch,
  AffiliatePayoutItem,
  AffiliateProgram,
  AffiliatePromotion,
  AffiliateSettings,
  AffiliateSyncRun,
}) {
  protected readonly options_: ResolvedAffiliateModuleOptions
  protected readonly container_: Record<string, unknown>

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.container_ = container
    this.options_ = resolveAffiliateModuleOptions(options)
  }

  /** The payout provider registered under `id` (see the `payoutProviders` option). */
  async retrievePayoutProvider(id: string): Promise<AffiliatePayoutProvider> {
    const known = ["manual", ...this.options_.payoutProviders.map((provider) => provider.id)]
    if (!known.includes(id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown payout provider ${id}: the store has ${known.join(", ")}`
      )
    }
    return this.container_[payoutProviderKey(id)] as AffiliatePayoutProvider
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
    return this.effectiveSettings_(saved)
  }

  /** The saved settings row (if any) merged over the defaults. */
  protected effectiveSettings_(saved: SavedSettings | undefined): AffiliateSettingsDTO {
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
      hold_days: saved?.hold_days ?? 0,
      minimum_payouts: (saved?.minimum_payouts as Record<string, number> | null) ?? {},
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

  /** The notification templates (or `false`) and recipients from the plugin options. */
  async retrieveNotificationOptions(): Promise<AffiliateNotificationOptions> {
    return this.options_.notifications
  }

  /** The per-client limits on the store routes that take a referral code. */
  async retrieveRateLimitOptions(): Promise<AffiliateRateLimitOptions> {
    return this.options_.rateLimit
  }

  /**
   * Where an invited affiliate sets their password: the configured page, else
   * the storefront's `/reset-password`, with `token` and `email` added; null
   * when the plugin knows neither address (the template builds the link).
   */
  async buildSetPasswordLink(token: string, email: string): Promise<string | null> {
    const page =
      this.options_.notifications.accountInviteUrl ??
      (this.options_.storefrontUrl && new URL("reset-password", withTrailingSlash(this.options_.storefrontUrl)).toString())
    if (!page) {
      return null
    }
    const url = new URL(page)
    url.searchParams.set("token", token)
    url.searchParams.set("email", email)
    return url.toString()
  }

  /**
   * The default program: the migration creates it; a database emptied since
   * gets it again here (one row whatever the concurrency, by its unique index).
   */
  @InjectManager()
  async retrieveDefaultProgram(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateProgramDTO> {
    const find = () => this.listAffiliatePrograms({ is_default: true }, { take: 1 }, sharedContext)
    const [program] = await find()
    if (program) {
      return program as AffiliateProgramDTO
    }
    const knex = knexOf(sharedContext)
    await knex.raw(
      `insert into affiliate_program (id, name, is_default) values (?, 'Default program', true)
       on conflict (is_default) where is_default = true and deleted_at is null do nothing`,
      [DEFAULT_PROGRAM_ID]
    )
    const [created] = await find()
    return created as AffiliateProgramDTO
  }

  /** An affiliate's program: theirs, or the default one when they have none (or theirs was deleted). */
  async retrieveEffectiveProgram(programId: string | null): Promise<AffiliateProgramDTO> {
    const [program] = programId ? await this.listAffiliatePrograms({ id: programId }, { take: 1 }) : []
    return program ? (program as AffiliateProgramDTO) : this.retrieveDefaultProgram()
  }

  /**
   * A program's terms with its rules (null: the default program), as plain
   * rows in one query: crediting reads them for every order.
   */
  @InjectManager()
  async retrieveProgramTerms(
    programId: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateProgramTermsDTO | null> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(programTermsSql(programId ? "p.id = ?" : "p.is_default"), programId ? [programId] : [])
    const [row] = rows as ProgramTermsRow[]
    return row ? toProgramTerms(row) : null
  }

  /**
   * What crediting an order reads of this module before it knows anything
   * of the order, in one query: whether the order was decided, the settings
   * in force, the default program's terms (null if it is missing), and
   * whether any program has rules by category, collection or type (then the
   * order's products are read ahead).
   */
  @InjectManager()
  async retrieveCreditingContext(
    orderId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{
    decided: boolean
    settings: AffiliateSettingsDTO
    default_terms: AffiliateProgramTermsDTO | null
    has_product_fact_rules: boolean
  }> {
    const knex = knexOf(sharedContext)
    const {
      rows: [row],
    } = await knex.raw(
      `select
         exists(select 1 from affiliate_order_attribution a where a.order_id = ? and a.deleted_at is null) as decided,
         (select to_jsonb(s) from affiliate_settings s where s.id = ? and s.deleted_at is null) as settings,
         (select to_jsonb(t) from (${programTermsSql("p.is_default")}) t) as default_terms,
         exists(select 1 from affiliate_commission_rule r join affiliate_program p on p.id = r.program_id
                where r.target <> 'product' and r.deleted_at is null and p.deleted_at is null) as has_product_fact_rules`,
      [orderId, AFFILIATE_SETTINGS_ID]
    )
    const { decided, settings, default_terms, has_product_fact_rules } = row as {
      decided: boolean
      settings: SavedSettings | null
      default_terms: ProgramTermsRow | null
      has_product_fact_rules: boolean
    }
    return {
      decided,
      has_product_fact_rules,
      settings: this.effectiveSettings_(settings ?? undefined),
      default_terms: default_terms ? toProgramTerms(default_terms) : null,
    }
  }

  /**
   * How many affiliates and rules each program has, in two grouped queries
   * whatever the number of programs. The default program's affiliates are
   * those without a program (and any stored with its id).
   */
  @InjectManager()
  async countProgramMembers(
    programs: { id: string; is_default: boolean }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Map<string, { affiliate_count: number; rule_count: number }>> {
    const ids = programs.map((program) => program.id)
    const defaultId = programs.find((program) => program.is_default)?.id ?? null
    const knex = knexOf(sharedContext)
    const [affiliates, rules] = await Promise.all([
      knex.raw(
        `select coalesce(program_id, ?) as program_id, count(*)::int as count
         from affiliate
         where deleted_at is null and (program_id = any(?) or (program_id is null and ?::text is not null))
         group by 1`,
        [defaultId, ids, defaultId]
      ),
      knex.raw(
        `select program_id, count(*)::int as count
         from affiliate_commission_rule
         where deleted_at is null and program_id = any(?)
         group by program_id`,
        [ids]
      ),
    ])
    const counted = (rows: { program_id: string; count: number }[]) =>
      new Map(rows.map((row) => [row.program_id, row.count]))
    const affiliateCounts = counted(affiliates.rows)
    const ruleCounts = counted(rules.rows)
    return new Map(
      ids.map((id) => [id, { affiliate_count: affiliateCounts.get(id) ?? 0, rule_count: ruleCounts.get(id) ?? 0 }])
    )
  }

  /**
   * What an affiliate has earned through in a period, for performance tiers:
   * the base amounts (in one currency) and the number of their commissions
   * that were not rejected, created from `since` (null: ever).
   */
  @InjectManager()
  async measureAffiliatePerformance(
    affiliateId: string,
    currencyCode: string,
    since: Date | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ revenue: number; orders: number }> {
    const knex = knexOf(sharedContext)
    const query = knex("affiliate_commission")
      .select(
        knex.raw("coalesce(sum(base_amount) filter (where currency_code = ?), 0) as revenue", [currencyCode]),
        knex.raw("count(*) as orders")
      )
      .where({ affiliate_id: affiliateId })
      .whereNot({ status: "rejected" })
      .whereNull("deleted_at")
    if (since) {
      query.where("created_at", ">=", since)
    }
    const [row] = await query
    return { revenue: Number(row.revenue), orders: Number(row.orders) }
  }

  /**
   * Counts an order credited through a connection; under an `orders`
   * lifetime of `limit`, the order that reaches it ends the connection
   * (`expired`). One statement, so concurrent orders each count.
   */
  @InjectManager()
  async recordConnectionCredit(
    connectionId: string,
    limit: number | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ credited_orders: number; expired: boolean }> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `update affiliate_connection
       set credited_orders = credited_orders + 1,
           ended_at = case when ?::int is not null and credited_orders + 1 >= ?::int then now() else ended_at end,
           ended_reason = case when ?::int is not null and credited_orders + 1 >= ?::int then 'expired' else ended_reason end,
           updated_at = now()
       where id = ? and ended_at is null and deleted_at is null
       returning credited_orders, ended_at`,
      [limit, limit, limit, limit, connectionId]
    )
    const [row] = rows as { credited_orders: number; ended_at: Date | null }[]
    return { credited_orders: row?.credited_orders ?? 0, expired: !!row?.ended_at }
  }

  /** Ends live connections whose program's lifetime is over (`expired`); returns the ended ids. */
  @InjectManager()
  async expireAffiliateConnections(
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    const knex = knexOf(sharedContext)
    const rows: { id: string }[] = await knex("affiliate_connection")
      .update({ ended_at: knex.fn.now(), ended_reason: "expired", updated_at: knex.fn.now() })
      .whereIn("id", ids)
      .whereNull("ended_at")
      .whereNull("deleted_at")
      .returning("id")
    return rows.map((row) => row.id)
  }

  /**
   * Ends every live connection whose program's lifetime is over: `days`
   * after its creation, or `orders` credited through it (an affiliate
   * without a program has the default program's). Sets `ended_at` and the
   * reason `expired`, and returns the ended ids. A statement ends at most
   * `batchSize` connections, each committed on its own (skipping rows a
   * crediting holds, which the next run ends), so a store's first run never
   * locks many rows for long.
   */
  @InjectManager()
  async expireLapsedConnections(
    { batchSize = EXPIRY_BATCH_SIZE }: { batchSize?: number } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const knex = knexOf(sharedContext)
    const ended: string[] = []
    for (;;) {
      const { rows }: { rows: { id: string }[] } = await knex.raw(
        `update affiliate_connection
         set ended_at = now(), ended_reason = 'expired', updated_at = now()
         where id in (
           select c.id
           from affiliate_connection c
           join affiliate a on a.id = c.affiliate_id
           ${PROGRAM_OF_AFFILIATE_SQL}
           where c.ended_at is null and c.deleted_at is null
             and (
               (p.connection_lifetime = 'days'
                 and c.created_at + make_interval(days => p.connection_lifetime_value) <= now())
               or (p.connection_lifetime = 'orders'
                 and c.credited_orders >= p.connection_lifetime_value))
           limit :batchSize
           for update of c skip locked)
         and ended_at is null and deleted_at is null
         returning id`,
        { batchSize }
      )
      ended.push(...rows.map((row) => row.id))
      if (rows.length < batchSize) {
        return ended
      }
    }
  }

  /**
   * Re-opens connections the expiry ended (its compensation), except one
   * whose customer has been connected again since.
   */
  @InjectManager()
  async reopenExpiredConnections(
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (!ids.length) {
      return
    }
    await knexOf(sharedContext).raw(
      `update affiliate_connection c
       set ended_at = null, ended_reason = null, updated_at = now()
       where c.id = any(?::text[]) and c.ended_reason = 'expired' and c.deleted_at is null
         and not exists (
           select 1 from affiliate_connection o
           where o.customer_id = c.customer_id and o.ended_at is null and o.deleted_at is null)`,
      [ids]
    )
  }

  /**
   * The connection lifetime each affiliate's connections have: their
   * program's, or the default program's. One query for a page of affiliates.
   */
  @InjectManager()
  async listConnectionLifetimes(
    affiliateIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, ConnectionLifetimeDTO>> {
    const ids = [...new Set(affiliateIds)]
    if (!ids.length) {
      return {}
    }
    const { rows }: { rows: ({ affiliate_id: string } & ConnectionLifetimeDTO)[] } =
      await knexOf(sharedContext).raw(
        `select a.id as affiliate_id, p.connection_lifetime, p.connection_lifetime_value
         from affiliate a
         ${PROGRAM_OF_AFFILIATE_SQL}
         where a.id = any(?::text[])`,
        [ids]
      )
    return Object.fromEntries(
      rows.map(({ affiliate_id, connection_lifetime, connection_lifetime_value }) => [
        affiliate_id,
        { connection_lifetime, connection_lifetime_value },
      ])
    )
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
    const knex = knexOf(sharedContext)
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
   * The ids of the next `take` approved affiliates after `afterId`, in id
   * order: the batches of an account-sync run.
   */
  @InjectManager()
  async listApprovedAffiliateIdsAfter(
    afterId: string | null,
    take: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const knex = knexOf(sharedContext)
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
  @InjectManager()
  async listAffiliateAccounts(
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateAccountDTO[]> {
    if (!ids.length) {
      return []
    }
    const knex = knexOf(sharedContext)
    return knex("affiliate")
      .select("id", "email", "name", "status", "customer_id", "auth_identity_id", "account_invited_at")
      .whereIn("id", ids)
      .whereNull("deleted_at")
  }

  /**
   * Renews a sync run's heartbeat and, after a batch, records its counters,
   * failures and cursor. One statement: it runs after every batch, and the
   * generated update reads the row before writing it.
   */
  @InjectManager()
  async recordSyncRunProgress(
    runId: string,
    progress?: {
      processed: number
      created: number
      linked: number
      tagged: number
      skipped: number
      failed: number
      errors: Record<string, string>
      cursor: string
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = knexOf(sharedContext)
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
    const knex = knexOf(sharedContext)
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

  /**
   * The ids of `take` commissions matching `filters`, newest first (id breaks
   * ties), after the commission `after`: keyset paging for the CSV export, so
   * every page is one index range however deep it is, and a commission
   * credited while an export runs neither shifts a page nor repeats a row.
   * The cursor is read in SQL, where created_at keeps its microseconds.
   */
  @InjectManager()
  async listCommissionIdsAfter(
    filters: AffiliateCommissionFilters,
    { after, take }: { after?: string; take: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const query = commissionsMatching(knexOf(sharedContext), filters).select("id")
    if (after) {
      query.whereRaw(
        "(created_at, id) < (select created_at, id from affiliate_commission where id = ?)",
        [after]
      )
    }
    const rows: { id: string }[] = await query
      .orderBy([
        { column: "created_at", order: "desc" },
        { column: "id", order: "desc" },
      ])
      .limit(take)
    return rows.map((row) => row.id)
  }

  /**
   * Commissions or connections by id with their affiliate (and a
   * commission's adjustments), as an admin list shows them: plain queries
   * side by side (the rows joined to their affiliate, and the adjustments)
   * instead of the ORM's one per relation and its entities, which were most
   * of a list page's time. Only the fields in LIST_ROW_FIELDS are read; rows
   * come back in no particular order.
   */
  @InjectManager()
  async listRowsWithAffiliate(
    table: ListedTable,
    ids: string[],
    select: ListRowsSelect,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, unknown>[]> {
    if (!ids.length) {
      return []
    }
    const knex = knexOf(sharedContext)
    const columns = (from: ListRowTable, alias: string, fields: string[], prefix?: string) =>
      listRowSelectList(from, alias, fields, prefix).map(({ sql, bindings }) => knex.raw(sql, bindings))
    const rowsQuery = knex(`${table} as r`)
      .select(columns(table, "r", select.own))
      .whereIn("r.id", ids)
      .whereNull("r.deleted_at")
    if (select.affiliate) {
      // A deleted affiliate reads as none, as the ORM's relation does.
      rowsQuery
        .select(columns("affiliate", "a", [...new Set(["id", ...select.affiliate])], AFFILIATE_PREFIX))
        .leftJoin("affiliate as a", (join: Knex.JoinClause) =>
          join.on("a.id", "r.affiliate_id").andOnNull("a.deleted_at")
        )
    }
    const adjustmentsQuery =
      select.adjustments && table === "affiliate_commission"
        ? knex("affiliate_commission_adjustment as j")
            .select(columns("affiliate_commission_adjustment", "j", select.adjustments))
            .select({ [ADJUSTMENT_OWNER]: "j.commission_id" })
            .whereIn("j.commission_id", ids)
            .whereNull("j.deleted_at")
            .orderBy(["j.created_at", "j.id"])
        : null
    const [rows, adjustments]: Record<string, unknown>[][] = await Promise.all([
      rowsQuery,
      adjustmentsQuery ?? [],
    ])

    const adjustmentsOf = new Map<unknown, Record<string, unknown>[]>()
    for (const { [ADJUSTMENT_OWNER]: owner, ...adjustment } of adjustments) {
      const ofCommission = adjustmentsOf.get(owner) ?? []
      ofCommission.push(withMoneyNumbers("affiliate_commission_adjustment", adjustment))
      adjustmentsOf.set(owner, ofCommission)
    }
    return rows.map((row) => {
      const own: Record<string, unknown> = {}
      const affiliate: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith(AFFILIATE_PREFIX)) {
          affiliate[key.slice(AFFILIATE_PREFIX.length)] = value
        } else {
          own[key] = value
        }
      }
      if (select.affiliate) {
        own.affiliate = affiliate.id == null ? null : affiliate
      }
      if (adjustmentsQuery) {
        own.adjustments = adjustmentsOf.get(row.id) ?? []
      }
      return withMoneyNumbers(table, own)
    })
  }

  /**
   * How many commissions the filters match. With `exact`, counted. Otherwise
   * counted up to EXACT_COUNT_LIMIT, which stays cheap however long the
   * ledger grows; past it, the number is PostgreSQL's planner estimate for
   * the same query (from the table's statistics: no rows read) and comes back
   * `estimated`, never below the limit it is known to exceed.
   */
  @InjectManager()
  async countAffiliateCommissions(
    filters: AffiliateCommissionFilters,
    { exact = false }: { exact?: boolean } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateCommissionCountDTO> {
    const knex = knexOf(sharedContext)
    const matching = commissionsMatching(knex, filters)
    if (exact) {
      const [{ count }] = await matching.count({ count: "*" })
      return { count: Number(count), estimated: false }
    }
    const [{ count }] = await knex
      .from(matching.clone().select(knex.raw("1")).limit(EXACT_COUNT_LIMIT + 1).as("capped"))
      .count({ count: "*" })
    if (Number(count) <= EXACT_COUNT_LIMIT) {
      return { count: Number(count), estimated: false }
    }
    const { sql, bindings } = matching.select(knex.raw("1")).toSQL()
    const { rows }: { rows: { "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[] } =
      await knex.raw(`explain (format json) ${sql}`, bindings)
    const planned = Math.round(rows[0]["QUERY PLAN"][0].Plan["Plan Rows"])
    return { count: Math.max(planned, EXACT_COUNT_LIMIT + 1), estimated: true }
  }

  /**
   * A page of an affiliate's customers and their number, in a fixed number of
   * queries whatever the number: connected customers first, newest connection
   * first, then referred ones, latest referral first. Each part is read from
   * its own offset, the connections from their index on affiliate and date: a
   * shallow page beside the counts, a deep one after them (past the middle,
   * from the other end, as the admin lists do).
   */
  @InjectManager()
  async listAndCountAffiliateCustomerRows(
    affiliateId: string,
    { skip, take }: { skip: number; take: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<[AffiliateCustomerRowDTO[], number]> {
    const knex = knexOf(sharedContext)
    const readConnected = async (
      fromEnd: boolean,
      limit: number,
      offset: number
    ): Promise<AffiliateCustomerRowDTO[]> => {
      const { rows } = await knex.raw(
        `${AFFILIATE_CUSTOMERS_SQL.connected}
         order by created_at ${fromEnd ? "asc" : "desc"}, id ${fromEnd ? "asc" : "desc"}
         limit :limit offset :offset`,
        { affiliateId, limit, offset }
      )
      const page = (
        rows as {
          id: string
          customer_id: string
          source: string
          created_by: string | null
          created_at: Date
          credited_orders: number
        }[]
      ).map(({ customer_id, ...connection }) => ({ customer_id, connection }))
      return fromEnd ? page.reverse() : page
    }
    const referredPage = async (limit: number): Promise<AffiliateCustomerRowDTO[]> => {
      if (limit <= 0 || count <= connectedCount) {
        return []
      }
      const { rows } = await knex.raw(
        `${AFFILIATE_CUSTOMERS_SQL.referred}
         order by max(r.created_at) desc, r.customer_id desc
         limit :limit offset :offset`,
        { affiliateId, limit, offset: Math.max(0, skip - connectedCount) }
      )
      return (rows as { customer_id: string }[]).map(({ customer_id }) => ({
        customer_id,
        connection: null,
      }))
    }

    const [
      {
        rows: [counts],
      },
      shallowPage,
    ] = await Promise.all([
      knex.raw(
        `select (select count(*) from (${AFFILIATE_CUSTOMERS_SQL.connected}) connected) as connected,
                (select count(*) from (${AFFILIATE_CUSTOMERS_SQL.referred}) referred) as referred`,
        { affiliateId }
      ),
      skip < SHALLOW_OFFSET ? readConnected(false, take, skip) : undefined,
    ])
    const connectedCount = Number(counts.connected)
    const count = connectedCount + Number(counts.referred)
    const left = connectedCount - skip
    const connected =
      shallowPage ??
      (left <= 0
        ? []
        : left < skip
          ? await readConnected(true, Math.min(take, left), Math.max(0, left - take))
          : await readConnected(false, take, skip))
    return [[...connected, ...(await referredPage(take - connected.length))], count]
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
    const knex = knexOf(sharedContext)
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
    const knex = knexOf(sharedContext)
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

  /**
   * What each affiliate is owed, per currency: on hold, payable, in payouts,
   * paid; a page of (affiliate, currency) rows and their number.
   */
  @InjectManager()
  async listAndCountAffiliateBalances(
    filter: LedgerFilter = {},
    { skip = 0, take = 20 }: { skip?: number; take?: number } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<[AffiliateBalanceDTO[], number]> {
    if (filter.affiliate_ids && !filter.affiliate_ids.length) {
      return [[], 0]
    }
    const knex = knexOf(sharedContext)
    const [rows, [{ count }]]: [Record<string, string>[], { count: string }[]] =
      await Promise.all([
        balanceRows(knex, filter).limit(take).offset(skip),
        knex.count({ count: "*" }).from(balanceRows(knex, filter).clearOrder().as("b")),
      ])
    const balances = rows.map((row) => ({
      affiliate_id: row.affiliate_id,
      currency_code: row.currency_code,
      on_hold: Number(row.on_hold),
      payable: Number(row.payable),
      in_payout: Number(row.in_payout),
      paid: Number(row.paid),
    }))
    return [balances, Number(count)]
  }

  /**
   * A batch with one draft payout per affiliate and currency whose payable
   * balance reaches the currency's minimum (and is above zero), holding
   * exactly the lines it pays. All in one transaction; the unique indexes on
   * the items refuse a line another payout holds, whatever runs concurrently.
   */
  @InjectManager()
  async createPayoutBatch(
    input: CreatePayoutBatchDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ batch_id: string; payout_ids: string[] }> {
    return await this.createPayoutBatch_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createPayoutBatch_(
    input: CreatePayoutBatchDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ batch_id: string; payout_ids: string[] }> {
    const knex = knexOf(sharedContext)
    // The commissions it pays are locked first: a rejection, a payment by
    // hand, a reassignment or a cancellation waits for the batch, or the
    // batch for it (and then leaves the commission out).
    const locked = new Set(await lockPayableCommissions(knex, input))
    const lines: {
      affiliate_id: string
      currency_code: string
      commission_id: string | null
      adjustment_id: string | null
      commission_status: string
      owner_commission_id: string
      amount: string
    }[] = await payableLines(knex, input)
    // A commission approved after the lock waits for the next batch, with
    // its adjustments; those of paid commissions cannot change status.
    const taken = lines.filter(
      (line) => line.commission_status === "paid" || locked.has(line.owner_commission_id)
    )

    const groups = new Map<string, typeof taken>()
    for (const line of taken) {
      const key = `${line.affiliate_id} ${line.currency_code}`
      const group = groups.get(key) ?? []
      group.push(line)
      groups.set(key, group)
    }
    const payable = [...groups.values()]
      .map((group) => ({ group, total: MathBN.sum(...group.map((line) => line.amount)) }))
      .filter(({ group, total }) => {
        const minimum = input.minimum_payouts[group[0].currency_code] ?? 0
        return MathBN.gt(total, 0) && MathBN.gte(total, minimum)
      })
    if (!payable.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Nothing to pay: no affiliate has a payable balance of at least the minimum payout"
      )
    }

    // Where to pay is frozen on the payout: read in this transaction.
    const affiliates = await this.listAffiliates(
      { id: [...new Set(payable.map(({ group }) => group[0].affiliate_id))] },
      { select: ["id", "payout_method", "payout_details"] },
      sharedContext
    )
    const destination = new Map(affiliates.map((affiliate) => [affiliate.id, affiliate]))
    const batch = await this.createAffiliatePayoutBatches(
      { created_by: input.created_by ?? null },
      sharedContext
    )
    const payouts = await this.createAffiliatePayouts(
      payable.map(({ group, total }) => ({
        batch_id: batch.id,
        affiliate_id: group[0].affiliate_id,
        currency_code: group[0].currency_code,
        amount: total.toNumber(),
        payout_method: destination.get(group[0].affiliate_id)?.payout_method ?? null,
        payout_details: destination.get(group[0].affiliate_id)?.payout_details ?? null,
      })),
      sharedContext
    )
    await this.createAffiliatePayoutItems(
      payable.flatMap(({ group }, index) =>
        group.map((line) => ({
          payout_id: payouts[index].id,
          commission_id: line.commission_id,
          adjustment_id: line.adjustment_id,
          amount: Number(line.amount),
        }))
      ),
      sharedContext
    )
    return { batch_id: batch.id, payout_ids: payouts.map((payout) => payout.id) }
  }

  /**
   * Approves, rejects or marks paid commissions by hand, all or none, under
   * the commission lock: each must still allow the change when its lock is
   * held (see assertCommissionStatusChange). Returns what they were.
   */
  @InjectManager()
  async changeCommissionStatuses(
    change: CommissionStatusChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    return await this.changeCommissionStatuses_(change, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeCommissionStatuses_(
    change: CommissionStatusChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    const knex = knexOf(sharedContext)
    const ids = [...new Set(change.ids)]
    const commissions = await lockCommissions(knex, ids)
    const heldBy = await livePayoutsHolding(knex, ids)
    assertCommissionStatusChange(change, commissions, heldBy, new Date())
    const updated = await this.updateAffiliateCommissions(
      commissions.map((c) => ({
        id: c.id,
        status: change.status,
        reason: change.status === "rejected" ? change.reason!.trim() : c.reason,
      })),
      sharedContext
    )
    const previous: CommissionStatusBeforeDTO[] = commissions.map((c) => ({
      id: c.id,
      status: c.status,
      reason: c.reason,
    }))
    return { updated, previous }
  }

  /**
   * A canceled order owes its affiliate nothing: under the commission lock, a
   * pending or approved commission becomes rejected; a paid one, or one a
   * payout holds, keeps its status and gets a negative adjustment for what is
   * still paid out on it (deducted from the next payout), once.
   */
  @InjectManager()
  async reverseCanceledOrderCommissions(
    orderId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CanceledOrderReversalDTO> {
    return await this.reverseCanceledOrderCommissions_(orderId, sharedContext)
  }

  @InjectTransactionManager()
  protected async reverseCanceledOrderCommissions_(
    orderId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CanceledOrderReversalDTO> {
    const knex = knexOf(sharedContext)
    const locked = await lockOrderCommissions(knex, orderId, ["pending", "approved", "paid"])
    const ids = locked.map((c) => c.id)
    const heldBy = await livePayoutsHolding(knex, ids)
    const isPaidOut = (c: { id: string; status: string }) => c.status === "paid" || heldBy.has(c.id)
    const toReject = locked.filter((c) => !isPaidOut(c))
    if (toReject.length) {
      await this.updateAffiliateCommissions(
        toReject.map((c) => ({ id: c.id, status: "rejected" as const, reason: "order_canceled" })),
        sharedContext
      )
    }
    const paidOut = locked.filter(isPaidOut).map((c) => c.id)
    const commissions = paidOut.length
      ? await this.listAffiliateCommissions(
          { id: paidOut },
          { select: ["id", "amount"], relations: ["adjustments"] },
          sharedContext
        )
      : []
    const adjustments = commissions
      .filter((c) => !c.adjustments.some((a) => a.reference === ORDER_CANCELED_REFERENCE))
      .map((c) => ({
        commission_id: c.id,
        // Whatever earlier refunds left of the commission.
        amount: MathBN.mult(MathBN.add(c.amount, ...c.adjustments.map((a) => a.amount)), -1).toNumber(),
        reason: "order_canceled" as const,
        reference: ORDER_CANCELED_REFERENCE,
      }))
      .filter((adjustment) => adjustment.amount < 0)
    const created = adjustments.length
      ? await this.createAffiliateCommissionAdjustments(adjustments, sharedContext)
      : []
    return {
      rejected: toReject.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
      adjustment_ids: created.map((a) => a.id),
    }
  }

  /**
   * The adjustments the order's refunds not yet recorded make on its live
   * commissions (see refundAdjustments), under the commission lock: a
   * reassignment or a batch at the same moment sees them, or they see it.
   */
  @InjectManager()
  async recordOrderRefunds(
    input: { order_id: string; refunds: OrderRefundDTO[]; charged: number | string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    return await this.recordOrderRefunds_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordOrderRefunds_(
    input: { order_id: string; refunds: OrderRefundDTO[]; charged: number | string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const locked = await lockOrderCommissions(knexOf(sharedContext), input.order_id, [
      "pending",
      "approved",
      "paid",
    ])
    if (!locked.length) {
      return []
    }
    const commissions = await this.listAffiliateCommissions(
      { id: locked.map((c) => c.id) },
      { relations: ["adjustments"] },
      sharedContext
    )
    const adjustments = commissions.flatMap((commission) =>
      refundAdjustments(commission, input.refunds, input.charged).map((adjustment) => ({
        ...adjustment,
        commission_id: commission.id,
        reason: "refund" as const,
      }))
    )
    const created = adjustments.length
      ? await this.createAffiliateCommissionAdjustments(adjustments, sharedContext)
      : []
    return created.map((a) => a.id)
  }

  /**
   * Moves a payout on, under its own row lock and its commissions': paid
   * marks exactly its commissions paid — all approved, or it fails naming
   * the one that is not; failed or canceled releases its lines, owed again.
   */
  @InjectManager()
  async changePayoutStatus(
    change: { id: string; status: PayoutStatus; reason?: string | null; provider_reference?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PayoutStatusBeforeDTO> {
    return await this.changePayoutStatus_(change, sharedContext)
  }

  @InjectTransactionManager()
  protected async changePayoutStatus_(
    change: { id: string; status: PayoutStatus; reason?: string | null; provider_reference?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PayoutStatusBeforeDTO> {
    const knex = knexOf(sharedContext)
    const payout = await lockPayout(knex, change.id)
    if (!payout) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${change.id} was not found`)
    }
    assertPayoutTransition(payout, change.status)
    const items = await heldLines(knex, payout.id)
    const previous: PayoutStatusBeforeDTO = { ...payout, paid_commission_ids: [], released_item_ids: [] }

    await writePayout(knex, payout.id, {
      status: change.status,
      ...(change.reason !== undefined && { reason: change.reason?.trim() || null }),
      ...(change.provider_reference !== undefined && {
        provider_reference: change.provider_reference,
      }),
      ...(change.status === "paid" && { paid_at: new Date() }),
    })
    if (change.status === "paid") {
      const commissionIds = items.flatMap((item) => (item.commission_id ? [item.commission_id] : []))
      const commissions = await lockCommissions(knex, commissionIds)
      const unpayable = commissionIds.filter(
        (id) => commissions.find((c) => c.id === id)?.status !== "approved"
      )
      if (unpayable.length) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Payout ${payout.id} cannot be paid: commission ${unpayable.join(", ")} is no longer approved`
        )
      }
      await writeCommissionStatuses(knex, commissionIds, "paid")
      previous.paid_commission_ids = commissionIds
    }
    if (change.status === "failed" || change.status === "canceled") {
      previous.released_item_ids = items.map((item) => item.id)
      if (items.length) {
        await knex("affiliate_payout_item")
          .update({ released_at: knex.fn.now(), updated_at: knex.fn.now() })
          .whereIn("id", previous.released_item_ids)
      }
    }
    return previous
  }

  /** Undoes changePayoutStatus (a workflow's compensation): the payout first, then its lines. */
  @InjectManager()
  async undoPayoutStatusChange(
    previous: PayoutStatusBeforeDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await this.undoPayoutStatusChange_(previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoPayoutStatusChange_(
    previous: PayoutStatusBeforeDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = knexOf(sharedContext)
    await writePayout(knex, previous.id, {
      status: previous.status as PayoutStatus,
      reason: previous.reason,
      provider_reference: previous.provider_reference,
      paid_at: previous.paid_at,
    })
    await writeCommissionStatuses(knex, previous.paid_commission_ids, "approved")
    if (previous.released_item_ids.length) {
      await knex("affiliate_payout_item")
        .update({ released_at: null, updated_at: knex.fn.now() })
        .whereIn("id", previous.released_item_ids)
    }
  }

  /**
   * Moves a commission to another affiliate, in one transaction: the old
   * one is rejected (`reassigned`, pointing to the new one), a new one for
   * the target affiliate copies its order, amounts, lines, tier, attribution
   * and hold (approved if it was approved, else pending), and its adjustments
   * (the refunds) are copied onto the new one, so the money moved is the old
   * net amount. The order's attribution names the target. The commission is
   * locked first and checked again: still pending or approved, in no live
   * payout (nor any of its adjustments).
   */
  @InjectManager()
  async reassignCommission(
    input: ReassignCommissionDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CommissionReassignmentDTO> {
    return await this.reassignCommission_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async reassignCommission_(
    input: ReassignCommissionDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CommissionReassignmentDTO> {
    const knex = knexOf(sharedContext)
    const [locked]: { id: string; status: string }[] = await knex("affiliate_commission")
      .select("id", "status")
      .where({ id: input.commission_id })
      .whereNull("deleted_at")
      .forUpdate()
    if (!locked) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Commission with id: ${input.commission_id} was not found`
      )
    }
    if (locked.status !== "pending" && locked.status !== "approved") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot reassign commission ${locked.id}: it is ${locked.status}`
      )
    }
    const old = await this.retrieveAffiliateCommission(
      input.commission_id,
      { relations: ["adjustments"] },
      sharedContext
    )
    const held = await this.findPayoutsHolding_(
      old.id,
      old.adjustments.map((adjustment) => adjustment.id),
      sharedContext
    )
    if (held) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot reassign commission ${old.id}: it is in payout ${held}`
      )
    }

    const created = await this.createAffiliateCommissions(
      {
        affiliate_id: input.affiliate_id,
        order_id: old.order_id,
        order_display_id: old.order_display_id,
        customer_id: old.customer_id,
        currency_code: old.currency_code,
        base_amount: old.base_amount,
        rate: old.rate,
        amount: old.amount,
        lines: old.lines,
        tier: old.tier,
        attribution: old.attribution,
        available_at: old.available_at,
        status: old.status === "approved" ? "approved" : "pending",
        program_id: input.program_id,
        reassigned_from_id: old.id,
        reassigned_by: input.reassigned_by,
        metadata: { reassign_reason: input.reason },
      },
      sharedContext
    )
    if (old.adjustments.length) {
      await this.createAffiliateCommissionAdjustments(
        old.adjustments.map((adjustment) => ({
          commission_id: created.id,
          amount: adjustment.amount,
          reason: adjustment.reason,
          reference: adjustment.reference,
          metadata: adjustment.metadata,
        })),
        sharedContext
      )
    }
    await this.updateAffiliateCommissions(
      {
        id: old.id,
        status: "rejected",
        reason: "reassigned",
        reassigned_to_id: created.id,
        reassigned_by: input.reassigned_by,
      },
      sharedContext
    )
    const [attribution] = await this.listAffiliateOrderAttributions(
      { order_id: old.order_id },
      { select: ["id", "affiliate_id"], take: 1 },
      sharedContext
    )
    if (attribution) {
      await this.updateAffiliateOrderAttributions(
        { id: attribution.id, affiliate_id: input.affiliate_id },
        sharedContext
      )
    }
    return {
      id: created.id,
      previous: {
        id: old.id,
        status: old.status,
        reason: old.reason,
        reassigned_to_id: old.reassigned_to_id,
        reassigned_by: old.reassigned_by,
      },
      attribution: attribution
        ? { id: attribution.id, affiliate_id: attribution.affiliate_id }
        : null,
    }
  }

  /** Undoes reassignCommission (a workflow's compensation): the new commission goes, the old one is as it was. */
  @InjectManager()
  async undoCommissionReassignment(
    reassignment: CommissionReassignmentDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await this.undoCommissionReassignment_(reassignment, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoCommissionReassignment_(
    { id, previous, attribution }: CommissionReassignmentDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const adjustments = await this.listAffiliateCommissionAdjustments(
      { commission_id: id },
      { select: ["id"] },
      sharedContext
    )
    if (adjustments.length) {
      await this.deleteAffiliateCommissionAdjustments(
        adjustments.map((adjustment) => adjustment.id),
        sharedContext
      )
    }
    await this.deleteAffiliateCommissions(id, sharedContext)
    await this.updateAffiliateCommissions(previous, sharedContext)
    if (attribution) {
      await this.updateAffiliateOrderAttributions(attribution, sharedContext)
    }
  }

  /** The live payout holding the commission or one of these adjustments, if any. */
  @InjectTransactionManager()
  protected async findPayoutsHolding_(
    commissionId: string,
    adjustmentIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string | null> {
    const [item]: { payout_id: string }[] = await knexOf(sharedContext)("affiliate_payout_item")
      .select("payout_id")
      .where((holding: Knex.QueryBuilder) => {
        holding.where("commission_id", commissionId)
        if (adjustmentIds.length) {
          holding.orWhereIn("adjustment_id", adjustmentIds)
        }
      })
      .whereNull("released_at")
      .whereNull("deleted_at")
      .limit(1)
    return item?.payout_id ?? null
  }

  /** The payout (not failed or canceled) holding each of these commissions. */
  @InjectManager()
  async findPayoutsHoldingCommissions(
    commissionIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, string>> {
    if (!commissionIds.length) {
      return {}
    }
    const rows: { commission_id: string; payout_id: string }[] = await knexOf(sharedContext)(
      "affiliate_payout_item"
    )
      .select("commission_id", "payout_id")
      .whereIn("commission_id", commissionIds)
      .whereNull("released_at")
      .whereNull("deleted_at")
    return Object.fromEntries(rows.map((row) => [row.commission_id, row.payout_id]))
  }
}

export default AffiliateModuleService
