import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type AttributionMethod } from "../../../modules/affiliate"
import type { ATTRIBUTION_OUTCOMES } from "../../../modules/affiliate/models/affiliate-order-attribution"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { commissionAmount } from "../../../modules/affiliate/utils/money"
import { normalizeCode, normalizeEmail } from "../../../modules/affiliate/utils/normalize"

/** Where a storefront puts the referral code on the cart (the order keeps it). */
export const CART_REFERRAL_METADATA_KEY = "affiliate_code"

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
    customer_id: string | null
    currency_code: string
    base_amount: number
    rate: number
    amount: number
    attribution: AttributionMethod
    status: "pending" | "approved" | "rejected"
    reason: string | null
  } | null
  /** Connect the referred customer to the affiliate (auto-connect). */
  connect_customer: boolean
}

export type DecideOrderAttributionStepOutput = {
  /** The order was decided before (a repeated event): nothing to do. */
  already_decided: boolean
  decision: OrderAttributionDecision | null
}

type Candidate = { method: AttributionMethod; affiliate_id: string }

export const decideOrderAttributionStepId = "decide-order-attribution"

type OrderForCrediting = {
  id: string
  email: string | null
  customer_id: string | null
  currency_code: string
  metadata: Record<string, unknown> | null
  items: { total: unknown; tax_total: unknown; subtotal: unknown }[] | null
  promotions: { id: string; code: string | null }[] | null
}

async function findCandidates(
  container: MedusaContainer,
  order: OrderForCrediting
): Promise<Candidate[]> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const candidates: Candidate[] = []

  // connection: the buyer's own, or — for a guest — that of a customer with the same email
  const customerIds = new Set<string>(order.customer_id ? [order.customer_id] : [])
  if (order.email) {
    const sameEmail = await container.resolve(Modules.CUSTOMER).listCustomers(
      { email: { $ilike: order.email.trim().replace(/[\\%_]/g, "\\$&") } },
      { select: ["id"] }
    )
    sameEmail.forEach((customer) => customerIds.add(customer.id))
  }
  if (customerIds.size) {
    const connections = await service.listAffiliateConnections(
      { customer_id: [...customerIds], ended_at: null },
      { select: ["id", "customer_id", "affiliate_id"] }
    )
    const own = connections.find((c) => c.customer_id === order.customer_id)
    const connection = own ?? connections[0]
    if (connection) {
      candidates.push({ method: "connection", affiliate_id: connection.affiliate_id })
    }
  }

  const promotionIds = (order.promotions ?? []).map((promotion) => promotion.id)
  if (promotionIds.length) {
    const assigned = await service.listAffiliatePromotions(
      { promotion_id: promotionIds },
      { select: ["id", "affiliate_id"] }
    )
    if (assigned[0]) {
      candidates.push({ method: "coupon", affiliate_id: assigned[0].affiliate_id })
    }
  }

  const code = order.metadata?.[CART_REFERRAL_METADATA_KEY]
  if (typeof code === "string" && code.trim()) {
    const [byCode] = await service.listAffiliates(
      { code: normalizeCode(code) },
      { select: ["id"] }
    )
    if (byCode) {
      candidates.push({ method: "link", affiliate_id: byCode.id })
    }
  }

  return candidates
}

/**
 * Decides who, if anyone, an order credits: the first candidate in the
 * configured attribution order (connection, coupon, link by default) whose
 * affiliate is approved; the commission on the order's item subtotal after
 * discounts, without tax and shipping; self-referrals kept but rejected.
 * Reads only: the following steps write what it decided.
 */
export const decideOrderAttributionStep = createStep(
  decideOrderAttributionStepId,
  async (input: { order_id: string }, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [existing] = await service.listAffiliateOrderAttributions(
      { order_id: input.order_id },
      { select: ["id"] }
    )
    if (existing) {
      return new StepResponse<DecideOrderAttributionStepOutput>({
        already_decided: true,
        decision: null,
      })
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph(
      {
        entity: "order",
        fields: [
          "id",
          "email",
          "customer_id",
          "currency_code",
          "metadata",
          // Totals are computed from these: ask for all of them (see SETUP-NOTES).
          "item_total",
          "items.id",
          "items.quantity",
          "items.unit_price",
          "items.is_tax_inclusive",
          "items.subtotal",
          "items.total",
          "items.tax_total",
          "items.tax_lines.*",
          "items.adjustments.*",
          "promotions.id",
          "promotions.code",
        ],
        filters: { id: input.order_id },
      },
      { throwIfKeyNotFound: true }
    )
    const typedOrder = order as unknown as OrderForCrediting
    const settings = await service.retrieveEffectiveSettings()
    const candidates = await findCandidates(container, typedOrder)

    const affiliates = candidates.length
      ? await service.listAffiliates(
          { id: candidates.map((c) => c.affiliate_id) },
          { select: ["id", "email", "status", "commission_rate", "customer_id"] }
        )
      : []
    const ordered = settings.attribution_order.flatMap((method) =>
      candidates.filter((c) => c.method === method)
    )
    const winner = ordered.find(
      (c) => affiliates.find((a) => a.id === c.affiliate_id)?.status === "approved"
    )
    const blocked = ordered.find(
      (c) => affiliates.find((a) => a.id === c.affiliate_id)?.status === "blocked"
    )

    const decision: OrderAttributionDecision = {
      order_id: typedOrder.id,
      customer_id: typedOrder.customer_id,
      email: typedOrder.email,
      affiliate_id: winner?.affiliate_id ?? blocked?.affiliate_id ?? null,
      method: winner?.method ?? blocked?.method ?? null,
      outcome: winner ? "credited" : blocked ? "blocked_affiliate" : "no_affiliate",
      commission: null,
      connect_customer: false,
    }
    if (!winner) {
      return new StepResponse<DecideOrderAttributionStepOutput>({
        already_decided: false,
        decision,
      })
    }

    const affiliate = affiliates.find((a) => a.id === winner.affiliate_id)!
    // The buyer is the affiliate: their email, or their synced customer account.
    const isSelfReferral =
      (!!typedOrder.email && normalizeEmail(typedOrder.email) === affiliate.email) ||
      (!!affiliate.customer_id && affiliate.customer_id === typedOrder.customer_id)
    const base = MathBN.sum(
      ...(typedOrder.items ?? []).map((item) =>
        MathBN.sub(item.total as number, item.tax_total as number)
      )
    )
    const rate =
      affiliate.commission_rate == null
        ? settings.default_commission_rate
        : Number(affiliate.commission_rate)

    decision.outcome = isSelfReferral ? "self_referral" : "credited"
    decision.commission = {
      affiliate_id: affiliate.id,
      order_id: typedOrder.id,
      customer_id: typedOrder.customer_id,
      currency_code: typedOrder.currency_code,
      base_amount: base.toNumber(),
      rate,
      amount: commissionAmount(base, rate, typedOrder.currency_code),
      attribution: winner.method,
      status: isSelfReferral
        ? "rejected"
        : settings.auto_approve_commissions
          ? "approved"
          : "pending",
      reason: isSelfReferral ? "self_referral" : null,
    }
    decision.connect_customer =
      !isSelfReferral &&
      settings.auto_connect &&
      winner.method !== "connection" &&
      !!typedOrder.customer_id

    return new StepResponse<DecideOrderAttributionStepOutput>({
      already_decided: false,
      decision,
    })
  }
)
