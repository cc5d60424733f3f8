import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
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
import { assertCommissionStatusChange, type CommissionStatusChange } from "./utils/commission-status"
import { refundAdjustments } from "./utils/money"
import { groupPayableLines } from "./utils/payout-batch"
import { assertPayoutTransition } from "./utils/payout-status"
import { listAndCountAffiliateCustomerRows } from "./queries/affiliate-customers"
import { livePayoutsHolding, lockCommissions, lockOrderCommissions } from "./queries/commission-locks"
import {
  countCommissions,
  listCommissionIdsAfter,
  measureAffiliatePerformance,
  summarizeCommissions,
} from "./queries/commissions"
import {
  countActiveConnections,
  expireConnections,
  expireLapsedConnections,
  EXPIRY_BATCH_SIZE,
  listConnectionLifetimes,
  recordConnectionCredit,
  reopenExpiredConnections,
} from "./queries/connections"
import { type ListedTable, type ListRowsSelect, listRowsWithAffiliate } from "./queries/list-rows"
import { type LedgerFilter, lockPayableCommissions, payableLines } from "./queries/payout-ledger"
import { heldLines, lockPayout, writeCommissionStatuses, writePayout } from "./queries/payout-status"
import { listAndCountBalances, payoutHolding, setLinesReleased } from "./queries/payouts"
import {
  countProgramMembers,
  insertDefaultProgram,
  readCreditingContext,
  readProgramTerms,
  type SavedSettings,
} from "./queries/programs"
import {
  claimSyncRun,
  listAffiliateAccounts,
  listApprovedAffiliateIdsAfter,
  recordSyncRunProgress,
  setAffiliateAccounts,
  type SyncRunProgress,
} from "./queries/sync-runs"
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

/** The id of the single settings row. */
export const AFFILIATE_SETTINGS_ID = "affset_store"

/** A base URL whose last path segment is kept when a relative path is resolved against it. */
function withTrailingSlash(url: string) {
  return url.endsWith("/") ? url : `${url}/`
}

/** The query builder of the transaction in progress, else of the module's manager. */
function knexOf(sharedContext: Context<EntityManager>) {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
  return manager.getTransactionContext() ?? manager.getKnex()
}

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

  async retrieveAccountSyncLeaseSeconds(): Promise<number> {
    return this.options_.accountSyncLeaseSeconds
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
    await insertDefaultProgram(knexOf(sharedContext), DEFAULT_PROGRAM_ID)
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
    return await readProgramTerms(knexOf(sharedContext), programId)
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
    const context = await readCreditingContext(knexOf(sharedContext), orderId, AFFILIATE_SETTINGS_ID)
    return { ...context, settings: this.effectiveSettings_(context.settings ?? undefined) }
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
    return await countProgramMembers(knexOf(sharedContext), programs)
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
    return await measureAffiliatePerformance(knexOf(sharedContext), { affiliateId, currencyCode, since })
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
    return await recordConnectionCredit(knexOf(sharedContext), connectionId, limit)
  }

  /** Ends live connections whose program's lifetime is over (`expired`); returns the ended ids. */
  @InjectManager()
  async expireAffiliateConnections(
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    return await expireConnections(knexOf(sharedContext), ids)
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
    return await expireLapsedConnections(knexOf(sharedContext), batchSize)
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
    await reopenExpiredConnections(knexOf(sharedContext), ids)
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
    return await listConnectionLifetimes(knexOf(sharedContext), affiliateIds)
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
    return await claimSyncRun(knexOf(sharedContext), runId, leaseSeconds)
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
    return await listApprovedAffiliateIdsAfter(knexOf(sharedContext), afterId, take)
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
    return await listAffiliateAccounts(knexOf(sharedContext), ids)
  }

  /**
   * Renews a sync run's heartbeat and, after a batch, records its counters,
   * failures and cursor. One statement: it runs after every batch, and the
   * generated update reads the row before writing it.
   */
  @InjectManager()
  async recordSyncRunProgress(
    runId: string,
    progress?: SyncRunProgress,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await recordSyncRunProgress(knexOf(sharedContext), runId, progress)
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
    await setAffiliateAccounts(knexOf(sharedContext), accounts)
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
    return await listCommissionIdsAfter(knexOf(sharedContext), filters, { after, take })
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
    return await listRowsWithAffiliate(knexOf(sharedContext), table, ids, select)
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
    return await countCommissions(knexOf(sharedContext), filters, exact)
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
    return await listAndCountAffiliateCustomerRows(knexOf(sharedContext), affiliateId, { skip, take })
  }

  /** How many customers each affiliate has connected now (absent: none). */
  @InjectManager()
  async countActiveConnections(
    affiliateIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, number>> {
    return await countActiveConnections(knexOf(sharedContext), affiliateIds)
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
    return await summarizeCommissions(knexOf(sharedContext), affiliateIds)
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
    return await listAndCountBalances(knexOf(sharedContext), filter, { skip, take })
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
    const payable = groupPayableLines(await payableLines(knex, input), locked, input.minimum_payouts)
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
      await setLinesReleased(knex, previous.released_item_ids, true)
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
    await setLinesReleased(knex, previous.released_item_ids, false)
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
    const [locked] = await lockCommissions(knex, [input.commission_id])
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
    return await payoutHolding(knexOf(sharedContext), commissionId, adjustmentIds)
  }

  /** The payout (not failed or canceled) holding each of these commissions. */
  @InjectManager()
  async findPayoutsHoldingCommissions(
    commissionIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, string>> {
    return Object.fromEntries(await livePayoutsHolding(knexOf(sharedContext), commissionIds))
  }
}

export default AffiliateModuleService
