import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  OrderStatus,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type AffiliateProgramTermsDTO,
  type AffiliateSettingsDTO,
  type AttributionMethod,
} from "../../../modules/affiliate"
import type { ATTRIBUTION_OUTCOMES } from "../../../modules/affiliate/models/affiliate-order-attribution"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import {
  calculateCommission,
  type CommissionLine,
  type TierUsed,
} from "../../../modules/affiliate/utils/commission-rules"
import { addDays } from "../../../modules/affiliate/utils/dates"
import { isSameMailbox } from "../../../modules/affiliate/utils/email"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"
import { verifyReferral } from "../../../modules/affiliate/utils/referral-signature"
import { findCustomerEmails } from "../../utils/customer-emails"
import { referralSigningKey } from "../../utils/referral-signing-key"
import {
  isConnectionExpired,
  isReferralWindowOver,
  fetchProductFacts,
  loadCommissionTerms,
  type OrderItemForTerms,
  type ProductFactsByProduct,
  programTermsLoader,
  type ProgramTermsLoader,
} from "../utils/commission-terms"

/** Where a storefront puts the referral code on the cart (the order keeps it). */
export const CART_REFERRAL_METADATA_KEY = "affiliate_code"
/** When the cart route recorded the code: the referral window counts from it. */
export const CART_REFERRAL_AT_METADATA_KEY = "affiliate_code_at"
/** The server's signature over the code and its time: without it neither is honoured. */
export const CART_REFERRAL_SIGNATURE_METADATA_KEY = "affiliate_code_sig"

export type OrderAttributionDecision = {
  order_id: string
  customer_id: string | null
  email: string | null
  affiliate_id: string | null
  method: AttributionMethod | null
  outcome: (typeof ATTRIBUTION_OUTCOMES)[number]
  commission: {
    affiliate_id: string
    order_id: string
    order_display_id: number | null
    customer_id: string | null
    currency_code: string
    base_amount: number
    rate: number
    amount: number
    attribution: AttributionMethod
    status: "pending" | "approved" | "rejected"
    reason: string | null
    /** The end of the hold period (the order's placement + hold_days); null without a hold. */
    available_at: Date | null
    program_id: string
    lines: CommissionLine[]
    tier: TierUsed | null
    flag: "self_referral" | null
  } | null
  /** Connect the referred customer to the affiliate (auto-connect). */
  connect_customer: boolean
  /** The buyer's account email (lower-cased), copied onto a connection auto-connect makes. */
  customer_email: string | null
  /** The order was refunded before it was credited (a late credit): the refunds are recorded too. */
  has_refunds: boolean
  /** The connection the order was credited through, counted for an `orders` lifetime of `limit`. */
  connection_credit: { connection_id: string; limit: number | null } | null
  /** Live connections found past their program's lifetime: ended (`expired`). */
  expired_connection_ids: string[]
}

export type DecideOrderAttributionStepOutput = {
  /** The order was decided before (a repeated event): nothing to do. */
  already_decided: boolean
  /**
   * The order is a draft, or deleted: nothing is decided nor recorded, so a
   * draft converted into an order later is credited then.
   */
  not_placed: boolean
  decision: OrderAttributionDecision | null
}

export const decideOrderAttributionStepId = "decide-order-attribution"

/** What the lookups need of an order: who bought it, with what code. */
type OrderHeader = {
  id: string
  display_id: number | null
  created_at: string | Date
  status: string
  is_draft_order: boolean | null
  email: string | null
  customer_id: string | null
  currency_code: string
  metadata: Record<string, unknown> | null
}

/** What the commission needs of it besides: its lines with their totals, its transactions. */
type OrderLines = {
  transactions: { reference: string | null }[] | null
  items: (OrderItemForTerms & { total: unknown; tax_total: unknown; subtotal: unknown })[] | null
}

type OrderForCrediting = OrderHeader & OrderLines

type CandidateAffiliate = {
  id: string
  email: string
  status: string
  commission_rate: unknown
  customer_id: string | null
  /** Null: the default program. */
  program_id: string | null
}

type Candidate = {
  method: AttributionMethod
  affiliate_id: string
  /** Null when the affiliate was deleted. */
  affiliate: CandidateAffiliate | null
  /** The connection, for the `connection` method. */
  connection?: { id: string; created_at: string | Date; credited_orders: number }
  /** When the server recorded the code, for the `link` method (signed). */
  referred_at?: Date
}

type FoundCandidates = {
  candidates: Candidate[]
  /** The buyer has a live connection of their own (auto-connect must leave it). */
  buyer_connected: boolean
  /** The buyer's account email (lower-cased) when auto-connect may connect them, else null. */
  buyer_email: string | null
}

const AFFILIATE_FIELDS = ["id", "email", "status", "commission_rate", "customer_id", "program_id"]
// Each lookup reads its affiliate along (a join): no separate read of the affiliates.
const WITH_AFFILIATE = {
  select: ["id", "affiliate_id", ...AFFILIATE_FIELDS.map((field) => `affiliate.${field}`)],
  relations: ["affiliate"],
}
const WITH_CONNECTION = {
  ...WITH_AFFILIATE,
  select: [...WITH_AFFILIATE.select, "created_at", "credited_orders"],
}

const ORDER_HEADER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "status",
  "is_draft_order",
  "email",
  "customer_id",
  "currency_code",
  "metadata",
]

const ORDER_LINES_FIELDS = [
  "id",
  // Medusa records each refund of an order as a transaction of it.
  "transactions.reference",
  // Totals are computed from these: ask for all of them (see SETUP-NOTES).
  "item_total",
  "items.id",
  "items.title",
  "items.product_id",
  "items.product_type_id",
  "items.quantity",
  // Medusa 2.15 computes no totals (all 0) without the order item's own quantity.
  "items.detail.quantity",
  "items.unit_price",
  "items.is_tax_inclusive",
  "items.subtotal",
  "items.total",
  "items.tax_total",
  "items.tax_lines.*",
  "items.adjustments.*",
]

/** The order's fields, or undefined when there is none (a deleted draft, for one). */
async function fetchOrder<T>(
  container: MedusaContainer,
  orderId: string,
  fields: string[]
): Promise<T | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  return order as unknown as T | undefined
}

/** When a commission on an order placed at `placedAt` comes out of its hold. */
function holdEnd(placedAt: string | Date, holdDays: number): Date {
  return addDays(placedAt, holdDays)
}

/**
 * Only placed orders earn. A draft order is not one until Medusa converts it
 * (same id, then `order.placed`); a canceled order was placed.
 */
function isPlaced(order: OrderHeader | undefined): order is OrderHeader {
  return !!order && !order.is_draft_order && order.status !== OrderStatus.DRAFT
}

/**
 * The promotions the order used, from the order↔promotion link alone: one
 * query, run alongside the order's (asking `promotions.id` on the order
 * would wait for the order and then also read the promotion module).
 */
async function fetchPromotionIds(
  container: MedusaContainer,
  orderId: string
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_promotion",
    fields: ["promotion_id"],
    filters: { order_id: orderId },
  })
  return (data as { promotion_id: string }[]).map((link) => link.promotion_id)
}

// The rows' affiliates carry the fields WITH_AFFILIATE selects.
const candidate = (
  method: AttributionMethod,
  row: { affiliate_id: string; affiliate?: unknown }
): Candidate => ({
  method,
  affiliate_id: row.affiliate_id,
  affiliate: (row.affiliate ?? null) as CandidateAffiliate | null,
})

const connectionCandidate = (row: {
  id: string
  affiliate_id: string
  affiliate?: unknown
  created_at: string | Date
  credited_orders: number
}): Candidate => ({
  ...candidate("connection", row),
  connection: { id: row.id, created_at: row.created_at, credited_orders: row.credited_orders },
})

/**
 * connection: the buyer's own, or — for a guest — that of a customer with the
 * same email. The buyer's own is looked up first: then most orders of
 * connected customers need no search by email.
 */
async function findConnectionCandidate(
  container: MedusaContainer,
  order: OrderHeader
): Promise<{ candidate: Candidate | null; buyer_connected: boolean }> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const none = { candidate: null, buyer_connected: false }
  if (order.customer_id) {
    const [own] = await service.listAffiliateConnections(
      { customer_id: order.customer_id, ended_at: null },
      WITH_CONNECTION
    )
    if (own) {
      return { candidate: connectionCandidate(own), buyer_connected: true }
    }
  }
  if (!order.email) {
    return none
  }
  // The connection's copy of its customer's email, indexed: no scan of
  // Medusa's customer table for every guest order.
  const [connection] = await service.listAffiliateConnections(
    { customer_email: normalizeEmail(order.email), ended_at: null },
    { ...WITH_CONNECTION, order: { created_at: "ASC" }, take: 1 }
  )
  return { candidate: connection ? connectionCandidate(connection) : null, buyer_connected: false }
}

/** coupon: a promotion of the order assigned to an affiliate. */
async function findCouponCandidate(
  service: AffiliateModuleService,
  promotionIds: string[]
): Promise<Candidate | null> {
  if (!promotionIds.length) {
    return null
  }
  const [assigned] = await service.listAffiliatePromotions(
    { promotion_id: promotionIds },
    WITH_AFFILIATE
  )
  return assigned ? candidate("coupon", assigned) : null
}

/**
 * link: the referral code the cart carried, only as the cart route signed it
 * with its time: a code or time written into the cart's metadata any other
 * way (Medusa's own cart route takes any metadata) is ignored.
 */
async function findLinkCandidate(
  container: MedusaContainer,
  order: OrderHeader
): Promise<Candidate | null> {
  const metadata = order.metadata ?? {}
  if (metadata[CART_REFERRAL_METADATA_KEY] == null) {
    return null
  }
  const referral = verifyReferral(referralSigningKey(container), {
    code: metadata[CART_REFERRAL_METADATA_KEY],
    recorded_at: metadata[CART_REFERRAL_AT_METADATA_KEY],
    signature: metadata[CART_REFERRAL_SIGNATURE_METADATA_KEY],
  })
  if (!referral) {
    return null
  }
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const [affiliate] = await service.listAffiliates(
    { code: referral.code },
    { select: AFFILIATE_FIELDS }
  )
  return affiliate
    ? { ...candidate("link", { affiliate_id: affiliate.id, affiliate }), referred_at: referral.recorded_at }
    : null
}

/**
 * Every method's candidate. Takes the order (null when it is not placed: no
 * lookups) and its promotions as promises so each lookup starts as soon as
 * what it needs has arrived.
 */
async function findCandidates(
  container: MedusaContainer,
  order: Promise<OrderHeader | null>,
  promotionIds: Promise<string[]>
): Promise<FoundCandidates> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  // A buyer without a connection of their own may be auto-connected: their
  // account's email, the connection's copy, is read right after.
  const withBuyerEmail = async (o: OrderHeader) => {
    const found = await findConnectionCandidate(container, o)
    const email =
      o.customer_id && !found.buyer_connected
        ? ((await findCustomerEmails(container, [o.customer_id])).get(o.customer_id) ?? null)
        : null
    return { ...found, buyer_email: email }
  }
  const [connection, coupon, link] = await Promise.all([
    order.then((o) =>
      o ? withBuyerEmail(o) : { candidate: null, buyer_connected: false, buyer_email: null }
    ),
    promotionIds.then((ids) => findCouponCandidate(service, ids)),
    order.then((o) => (o ? findLinkCandidate(container, o) : null)),
  ])
  return {
    candidates: [connection.candidate, coupon, link].filter((c): c is Candidate => !!c),
    buyer_connected: connection.buyer_connected,
    buyer_email: connection.buyer_email,
  }
}

/** The terms of the candidates' programs, by program id (null: the default program). */
async function candidatePrograms(
  found: FoundCandidates,
  termsOf: ProgramTermsLoader
): Promise<Map<string | null, AffiliateProgramTermsDTO>> {
  const ids = [...new Set(found.candidates.map((c) => c.affiliate?.program_id ?? null))]
  return new Map(await Promise.all(ids.map(async (id) => [id, await termsOf(id)] as const)))
}

/** The value of a settled promise, or its error thrown. */
function settledValue<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") {
    throw result.reason
  }
  return result.value
}

/** What the attribution chose, before the commission is computed. */
type Choice = {
  decision: OrderAttributionDecision
  /** The approved affiliate credited, with their program; null when none. */
  winner: (Candidate & { affiliate: CandidateAffiliate; program: AffiliateProgramTermsDTO }) | null
  is_self_referral: boolean
}

/**
 * Who the order credits: the first candidate in the attribution order whose
 * affiliate is approved, leaving out a connection past its program's lifetime
 * (ended as `expired`) and a referral code past its program's window.
 */
function chooseAffiliate(
  order: OrderForCrediting,
  found: FoundCandidates,
  settings: AffiliateSettingsDTO,
  programs: Map<string | null, AffiliateProgramTermsDTO>
): Choice {
  const placedAt = new Date(order.created_at)
  const programOf = (c: Candidate) => programs.get(c.affiliate?.program_id ?? null)!
  const expired = found.candidates.filter(
    (c) => c.connection && isConnectionExpired(programOf(c), c.connection, placedAt)
  )
  const linkOutsideWindow = (c: Candidate) =>
    !!c.referred_at && isReferralWindowOver(programOf(c), c.referred_at, placedAt)
  const ordered = settings.attribution_order.flatMap((method) =>
    found.candidates.filter(
      (c) => c.method === method && !expired.includes(c) && !linkOutsideWindow(c)
    )
  )
  const winner = ordered.find((c) => c.affiliate?.status === "approved")
  const blocked = ordered.find((c) => c.affiliate?.status === "blocked")
  const affiliate = winner?.affiliate ?? null
  // The buyer is the affiliate: their mailbox (under a +tag or, at Gmail,
  // with other dots too), or their synced customer account.
  const isSelfReferral =
    !!affiliate &&
    ((!!order.email && isSameMailbox(order.email, affiliate.email)) ||
      (!!affiliate.customer_id && affiliate.customer_id === order.customer_id))
  // The buyer's own connection, unless it just expired: then a referrer may connect them.
  const buyerConnected = found.buyer_connected && !expired.some((c) => c.method === "connection")

  return {
    decision: {
      order_id: order.id,
      customer_id: order.customer_id,
      email: order.email,
      affiliate_id: winner?.affiliate_id ?? blocked?.affiliate_id ?? null,
      method: winner?.method ?? blocked?.method ?? null,
      outcome: winner
        ? isSelfReferral ? "self_referral" : "credited"
        : blocked ? "blocked_affiliate" : "no_affiliate",
      commission: null,
      // A customer who has an affiliate keeps them.
      connect_customer:
        !!winner &&
        !isSelfReferral &&
        settings.auto_connect &&
        winner.method !== "connection" &&
        !!order.customer_id &&
        !buyerConnected,
      connection_credit: null,
      expired_connection_ids: expired.map((c) => c.connection!.id),
      customer_email: found.buyer_email,
      has_refunds: (order.transactions ?? []).some((transaction) => transaction.reference === "refund"),
    },
    winner: winner && affiliate ? { ...winner, affiliate, program: programOf(winner) } : null,
    is_self_referral: isSelfReferral,
  }
}

/**
 * The commission of the chosen affiliate under their program's terms,
 * computed per line item after discounts, without tax and shipping (see
 * calculateCommission). A self-referral is rejected, flagged for review or
 * credited as the program's policy says; a canceled order's late credit is
 * kept, rejected.
 */
async function decideCommission(
  container: MedusaContainer,
  order: OrderForCrediting,
  choice: Choice,
  settings: AffiliateSettingsDTO,
  productFacts: Promise<ProductFactsByProduct | null>
): Promise<OrderAttributionDecision> {
  const { decision, winner } = choice
  if (!winner) {
    return decision
  }
  const { affiliate, program } = winner
  const { terms, lines, tier } = await loadCommissionTerms(container, {
    order,
    affiliate_id: affiliate.id,
    affiliate_rate: affiliate.commission_rate == null ? null : Number(affiliate.commission_rate),
    program,
    store_rate: settings.default_commission_rate,
    product_facts: productFacts,
  })
  const calculated = calculateCommission(lines, terms, order.currency_code)

  const policy = choice.is_self_referral ? program.self_referral_policy : null
  // A late credit (a lost `order.placed`) of an order canceled since: kept for
  // audit, rejected as the cancellation would have done.
  const isCanceled = order.status === OrderStatus.CANCELED
  const isRejected = policy === "reject" || isCanceled
  const isFlagged = !isRejected && policy === "flag"
  // A held commission waits for its hold to end, even with auto-approve on:
  // the approval job approves it then.
  const isHeld = !isRejected && settings.hold_days > 0
  const autoApprove = program.auto_approve_commissions ?? settings.auto_approve_commissions
  decision.commission = {
    affiliate_id: affiliate.id,
    order_id: order.id,
    order_display_id: order.display_id,
    customer_id: order.customer_id,
    currency_code: order.currency_code,
    base_amount: calculated.base_amount,
    rate: terms.order_amounts ? 0 : terms.rate,
    amount: calculated.amount,
    attribution: winner.method,
    status: isRejected ? "rejected" : autoApprove && !isHeld && !isFlagged ? "approved" : "pending",
    reason: policy === "reject" ? "self_referral" : isCanceled ? "order_canceled" : null,
    available_at: isHeld ? holdEnd(order.created_at, settings.hold_days) : null,
    program_id: program.id,
    lines: calculated.lines,
    tier,
    flag: isFlagged ? "self_referral" : null,
  }
  if (winner.connection && !isRejected && program.connection_lifetime === "orders") {
    decision.connection_credit = {
      connection_id: winner.connection.id,
      limit: program.connection_lifetime_value,
    }
  }
  return decision
}

/**
 * Decides who, if anyone, an order credits and what it earns (see
 * chooseAffiliate and decideCommission). Reads only: the
 * following steps write what it decided. It runs on every order, so its reads
 * are few and run concurrently, their round trips to the database overlapping.
 */
export const decideOrderAttributionStep = createStep(
  decideOrderAttributionStepId,
  async (input: { order_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    // The lookups start from the order's header; its lines, slower to read
    // (their totals), arrive alongside.
    const header = fetchOrder<OrderHeader>(container, input.order_id, ORDER_HEADER_FIELDS).then((o) =>
      isPlaced(o) ? o : null
    )
    const lines = fetchOrder<OrderLines>(container, input.order_id, ORDER_LINES_FIELDS)
    const order = Promise.all([header, lines]).then(([h, l]): OrderForCrediting | null =>
      h ? { ...h, transactions: l?.transactions ?? null, items: l?.items ?? null } : null
    )
    // Whether the order was decided, the settings, and the terms of the
    // default program, which most affiliates are in: one read.
    const context = service.retrieveCreditingContext(input.order_id)
    const termsOf = programTermsLoader(service, () => context.then((c) => c.default_terms))
    // A store with rules by category, collection or type: the products are
    // read as soon as the lines are, not once the affiliate is known.
    const productFacts = Promise.all([context, lines])
      .then(([c, l]) => (c.has_product_fact_rules && l ? fetchProductFacts(container, l.items ?? []) : null))
      .catch(() => null)
    const [contextResult, orderResult, foundResult] = await Promise.allSettled([
      context,
      order,
      findCandidates(container, header, fetchPromotionIds(container, input.order_id)),
    ])
    // A decided order is left alone, even if it can no longer be read.
    const { decided, settings } = settledValue(contextResult)
    if (decided) {
      return new StepResponse<DecideOrderAttributionStepOutput>({
        already_decided: true,
        not_placed: false,
        decision: null,
      })
    }
    const placed = settledValue(orderResult)
    if (!placed) {
      return new StepResponse<DecideOrderAttributionStepOutput>({
        already_decided: false,
        not_placed: true,
        decision: null,
      })
    }
    const found = settledValue(foundResult)
    const choice = chooseAffiliate(placed, found, settings, await candidatePrograms(found, termsOf))
    return new StepResponse<DecideOrderAttributionStepOutput>({
      already_decided: false,
      not_placed: false,
      decision: await decideCommission(container, placed, choice, settings, productFacts),
    })
  }
)
