import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import * as models from "./models"
import { resolveAffiliateModuleOptions, type ResolvedAffiliateModuleOptions } from "./options"
import type { AffiliatePayoutProvider } from "./payout-provider"
import * as actions from "./actions"
import { knexOf, type SharedContext } from "./actions/shared-context"
import * as queries from "./queries"
import type {
  AffiliateAccountDTO,
  AffiliateBalanceDTO,
  AffiliateCommissionCountDTO,
  AffiliateCommissionFilters,
  AffiliateCommissionTotalsDTO,
  AffiliateCustomerRowDTO,
  AffiliateProgramDTO,
  AffiliateProgramTermsDTO,
  AffiliateSettingsDTO,
  CanceledOrderReversalDTO,
  CommissionReassignmentDTO,
  ConnectionLifetimeDTO,
  CreatePayoutBatchDTO,
  PayoutStatusBeforeDTO,
  ReassignCommissionDTO,
} from "./types"
import type { CommissionStatusChange } from "./utils/commission-status"
import { toAffiliateProgramDTO } from "./utils/dtos"

export { AFFILIATE_SETTINGS_ID, DEFAULT_PROGRAM_ID } from "./actions"

class AffiliateModuleService extends MedusaService(models) {
  protected readonly options_: ResolvedAffiliateModuleOptions
  protected readonly container_: Record<string, unknown>

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.container_ = container
    this.options_ = resolveAffiliateModuleOptions(options)
  }

  /** The payout provider registered under `id` (see actions/payout-providers). */
  async retrievePayoutProvider(id: string): Promise<AffiliatePayoutProvider> {
    return actions.retrievePayoutProvider(this.container_, this.options_.payoutProviders, id)
  }

  /** The settings in force, defaults included (see actions/settings). */
  async retrieveEffectiveSettings(): Promise<AffiliateSettingsDTO> {
    return await actions.retrieveEffectiveSettings(this, this.options_.defaultCommissionRate)
  }

  /** The plugin's options as resolved at boot, defaults filled in (see options.ts). */
  async retrieveOptions(): Promise<ResolvedAffiliateModuleOptions> {
    return this.options_
  }

  /** The default program, created again if it is missing (see actions/programs). */
  @InjectManager()
  async retrieveDefaultProgram(@MedusaContext() sharedContext: SharedContext = {}): Promise<AffiliateProgramDTO> {
    return await actions.retrieveDefaultProgram(this, sharedContext)
  }

  /** An affiliate's program: theirs, or the default one when they have none (or theirs was deleted). */
  async retrieveEffectiveProgram(programId: string | null): Promise<AffiliateProgramDTO> {
    const [program] = programId ? await this.listAffiliatePrograms({ id: programId }, { take: 1 }) : []
    return program ? toAffiliateProgramDTO(program) : this.retrieveDefaultProgram()
  }

  /** A program's terms with its rules (null: the default program's), in one query (see queries/programs). */
  @InjectManager()
  async retrieveProgramTerms(
    programId: string | null,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<AffiliateProgramTermsDTO | null> {
    return await queries.readProgramTerms(knexOf(sharedContext), programId)
  }

  /** What crediting an order reads of this module first, in one query (see actions/crediting-context). */
  @InjectManager()
  async retrieveCreditingContext(
    orderId: string,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<actions.CreditingContext> {
    const { defaultCommissionRate } = this.options_
    return await actions.retrieveCreditingContext(knexOf(sharedContext), orderId, defaultCommissionRate)
  }

  /** How many affiliates and rules each program has, in two grouped queries (see queries/programs). */
  @InjectManager()
  async countProgramMembers(
    programs: { id: string; is_default: boolean }[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<Map<string, { affiliate_count: number; rule_count: number }>> {
    return await queries.countProgramMembers(knexOf(sharedContext), programs)
  }

  /** What an affiliate earned through in a period, for performance tiers (see queries/commissions). */
  @InjectManager()
  async measureAffiliatePerformance(
    affiliateId: string,
    currencyCode: string,
    since: Date | null,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<{ revenue: number; orders: number }> {
    return await queries.measureAffiliatePerformance(knexOf(sharedContext), { affiliateId, currencyCode, since })
  }

  /** Counts an order credited through a connection, ending it at its `orders` limit (see queries/connections). */
  @InjectManager()
  async recordConnectionCredit(
    connectionId: string,
    limit: number | null,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<{ credited_orders: number; expired: boolean }> {
    return await queries.recordConnectionCredit(knexOf(sharedContext), connectionId, limit)
  }

  /** Ends live connections whose program's lifetime is over (`expired`); returns the ended ids. */
  @InjectManager()
  async expireAffiliateConnections(
    ids: string[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<string[]> {
    return await queries.expireConnections(knexOf(sharedContext), ids)
  }

  /** Ends every live connection whose lifetime is over, in short batches (see queries/connections). */
  @InjectManager()
  async expireLapsedConnections(
    { batchSize = queries.EXPIRY_BATCH_SIZE }: { batchSize?: number } = {},
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<string[]> {
    return await queries.expireLapsedConnections(knexOf(sharedContext), batchSize)
  }

  /** Re-opens connections the expiry ended (its compensation), unless their customer was connected again. */
  @InjectManager()
  async reopenExpiredConnections(ids: string[], @MedusaContext() sharedContext: SharedContext = {}): Promise<void> {
    await queries.reopenExpiredConnections(knexOf(sharedContext), ids)
  }

  /** Each affiliate's connection lifetime: their program's, or the default one's (see queries/connections). */
  @InjectManager()
  async listConnectionLifetimes(
    affiliateIds: string[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<Record<string, ConnectionLifetimeDTO>> {
    return await queries.listConnectionLifetimes(knexOf(sharedContext), affiliateIds)
  }

  /** Claims a running sync run for this process: true for exactly one caller (see queries/sync-runs). */
  @InjectManager()
  async claimSyncRun(
    runId: string,
    leaseSeconds: number,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<boolean> {
    return await queries.claimSyncRun(knexOf(sharedContext), runId, leaseSeconds)
  }

  /** The ids of the next `take` approved affiliates after `afterId`: a sync batch (see queries/sync-runs). */
  @InjectManager()
  async listApprovedAffiliateIdsAfter(
    afterId: string | null,
    take: number,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<string[]> {
    return await queries.listApprovedAffiliateIdsAfter(knexOf(sharedContext), afterId, take)
  }

  /** What account sync reads of these affiliates, as plain rows (see queries/sync-runs). */
  @InjectManager()
  async listAffiliateAccounts(
    ids: string[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<AffiliateAccountDTO[]> {
    return await queries.listAffiliateAccounts(knexOf(sharedContext), ids)
  }

  /** Renews a sync run's heartbeat and records a batch's progress, in one statement (see queries/sync-runs). */
  @InjectManager()
  async recordSyncRunProgress(
    runId: string,
    progress?: queries.SyncRunProgress,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<void> {
    await queries.recordSyncRunProgress(knexOf(sharedContext), runId, progress)
  }

  /** Records each affiliate's store customer account and login, in one statement (see queries/sync-runs). */
  @InjectManager()
  async setAffiliateAccounts(
    accounts: queries.AffiliateAccountLink[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<void> {
    await queries.setAffiliateAccounts(knexOf(sharedContext), accounts)
  }

  /** A page of commission ids after `after`, newest first: the CSV export's paging (see queries/commissions). */
  @InjectManager()
  async listCommissionIdsAfter(
    filters: AffiliateCommissionFilters,
    { after, take }: { after?: string; take: number },
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<string[]> {
    return await queries.listCommissionIdsAfter(knexOf(sharedContext), filters, { after, take })
  }

  /** Commissions or connections by id with their affiliate, in plain queries (see queries/list-rows). */
  @InjectManager()
  async listRowsWithAffiliate(
    table: queries.ListedTable,
    ids: string[],
    select: queries.ListRowsSelect,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<Record<string, unknown>[]> {
    return await queries.listRowsWithAffiliate(knexOf(sharedContext), table, ids, select)
  }

  /** How many commissions the filters match, estimated past a limit (see queries/commissions). */
  @InjectManager()
  async countAffiliateCommissions(
    filters: AffiliateCommissionFilters,
    { exact = false }: { exact?: boolean } = {},
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<AffiliateCommissionCountDTO> {
    return await queries.countCommissions(knexOf(sharedContext), filters, exact)
  }

  /** A page of an affiliate's customers and their number (see queries/affiliate-customers). */
  @InjectManager()
  async listAndCountAffiliateCustomerRows(
    affiliateId: string,
    { skip, take }: { skip: number; take: number },
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<[AffiliateCustomerRowDTO[], number]> {
    return await queries.listAndCountAffiliateCustomerRows(knexOf(sharedContext), affiliateId, { skip, take })
  }

  /** How many customers each affiliate has connected now (absent: none). */
  @InjectManager()
  async countActiveConnections(
    affiliateIds: string[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<Record<string, number>> {
    return await queries.countActiveConnections(knexOf(sharedContext), affiliateIds)
  }

  /** Commission totals per affiliate and currency, aggregated in the database (see queries/commissions). */
  @InjectManager()
  async summarizeCommissions(
    affiliateIds: string[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<AffiliateCommissionTotalsDTO[]> {
    return await queries.summarizeCommissions(knexOf(sharedContext), affiliateIds)
  }

  /** What each affiliate is owed per currency (on hold, payable, in payouts, paid), a page and the count. */
  @InjectManager()
  async listAndCountAffiliateBalances(
    filter: queries.LedgerFilter = {},
    { skip = 0, take = 20 }: { skip?: number; take?: number } = {},
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<[AffiliateBalanceDTO[], number]> {
    return await queries.listAndCountBalances(knexOf(sharedContext), filter, { skip, take })
  }

  /** A batch of draft payouts for what is payable now, in one transaction (see actions/payout-batch). */
  @InjectManager()
  async createPayoutBatch(
    input: CreatePayoutBatchDTO,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<{ batch_id: string; payout_ids: string[] }> {
    return await this.inTransaction_((context) => actions.createPayoutBatch(this, input, context), sharedContext)
  }

  /** Approves, rejects or marks paid commissions by hand, all or none (see actions/commission-status). */
  @InjectManager()
  async changeCommissionStatuses(change: CommissionStatusChange, @MedusaContext() sharedContext: SharedContext = {}) {
    return await this.inTransaction_(
      (context) => actions.changeCommissionStatuses(this, change, context),
      sharedContext
    )
  }

  /** Takes back what a canceled order's commissions earned (see actions/order-reversals). */
  @InjectManager()
  async reverseCanceledOrderCommissions(
    orderId: string,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<CanceledOrderReversalDTO> {
    return await this.inTransaction_(
      (context) => actions.reverseCanceledOrderCommissions(this, orderId, context),
      sharedContext
    )
  }

  /** Adjusts the order's commissions for its refunds not yet recorded (see actions/order-reversals). */
  @InjectManager()
  async recordOrderRefunds(
    input: actions.OrderRefundsInput,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<string[]> {
    return await this.inTransaction_((context) => actions.recordOrderRefunds(this, input, context), sharedContext)
  }

  /** Moves a payout on, paying or releasing its lines (see actions/payout-status). */
  @InjectManager()
  async changePayoutStatus(
    change: actions.PayoutStatusChange,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<PayoutStatusBeforeDTO> {
    return await this.inTransaction_((context) => actions.changePayoutStatus(knexOf(context), change), sharedContext)
  }

  /** Undoes changePayoutStatus: a workflow's compensation (see actions/payout-status). */
  @InjectManager()
  async undoPayoutStatusChange(
    previous: PayoutStatusBeforeDTO,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<void> {
    await this.inTransaction_((context) => actions.undoPayoutStatusChange(knexOf(context), previous), sharedContext)
  }

  /** Moves a commission and its adjustments to another affiliate (see actions/commission-reassignment). */
  @InjectManager()
  async reassignCommission(
    input: ReassignCommissionDTO,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<CommissionReassignmentDTO> {
    return await this.inTransaction_((context) => actions.reassignCommission(this, input, context), sharedContext)
  }

  /** Undoes reassignCommission: a workflow's compensation (see actions/commission-reassignment). */
  @InjectManager()
  async undoCommissionReassignment(
    reassignment: CommissionReassignmentDTO,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<void> {
    await this.inTransaction_(
      (context) => actions.undoCommissionReassignment(this, reassignment, context),
      sharedContext
    )
  }

  /** Replaces how an affiliate is paid, in one statement; returns what it was (see queries/payout-method). */
  @InjectManager()
  async replacePayoutMethod(
    affiliateId: string,
    next: queries.AffiliatePayoutMethodDTO,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<queries.AffiliatePayoutMethodDTO | null> {
    return await queries.replacePayoutMethod(knexOf(sharedContext), affiliateId, next)
  }

  /** Records a click, unique or not, in one transaction (see queries/visits). */
  @InjectManager()
  async recordAffiliateVisit(
    visit: queries.NewAffiliateVisit,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<queries.AffiliateVisitDTO> {
    return await this.inTransaction_((context) => queries.recordVisit(knexOf(context), visit), sharedContext)
  }

  /** Clicks, orders and money over a range, per interval and in total (see queries/reports). */
  @InjectManager()
  async reportProgram(
    filter: queries.ReportFilter,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<queries.ProgramReport> {
    return await queries.reportProgram(knexOf(sharedContext), filter)
  }

  /** The affiliates' figures over a range, best first, a page and the count (see queries/report-leaderboard). */
  @InjectManager()
  async listReportLeaderboard(
    filter: queries.LeaderboardFilter,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<[queries.LeaderboardRow[], number]> {
    return await queries.listLeaderboard(knexOf(sharedContext), filter)
  }

  /** The payout (not failed or canceled) holding each of these commissions. */
  @InjectManager()
  async findPayoutsHoldingCommissions(
    commissionIds: string[],
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<Record<string, string>> {
    return Object.fromEntries(await queries.livePayoutsHolding(knexOf(sharedContext), commissionIds))
  }

  /** Runs an action in the caller's transaction, else in one it opens: the writing methods' twin. */
  @InjectTransactionManager()
  protected async inTransaction_<T>(
    action: (sharedContext: SharedContext) => Promise<T>,
    @MedusaContext() sharedContext: SharedContext = {}
  ): Promise<T> {
    return await action(sharedContext)
  }
}

export default AffiliateModuleService
