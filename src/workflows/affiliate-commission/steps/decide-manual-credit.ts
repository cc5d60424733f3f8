import { MedusaError, OrderStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { decideCommission } from "../attribution/decide-commission"
import {
  fetchOrder,
  isPlaced,
  ORDER_HEADER_FIELDS,
  ORDER_LINES_FIELDS,
} from "../attribution/read-order"
import type { OrderAttributionDecision, OrderForCrediting } from "../attribution/types"
import { fetchProductFacts, programTermsLoader } from "../utils/commission-terms"

export type DecideManualCreditStepInput = {
  order_id: string
  affiliate_id: string
  /** The admin user crediting it. */
  created_by: string
  /** Why, in the admin's words. */
  note: string
}

export type DecideManualCreditStepOutput = {
  decision: OrderAttributionDecision
  /** The order's earlier decision (no affiliate, a blocked one): replaced. Null: undecided. */
  previous_attribution_id: string | null
}

export const decideManualCreditStepId = "decide-manual-credit"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * What crediting an order by hand earns: the affiliate's program terms on
 * the order's lines, exactly as an automatic credit would (hold, auto-approve),
 * with attribution `manual`. Only an order that credits nobody: placed, not
 * canceled, with no live commission (409 naming it: reassign that one
 * instead), to an approved affiliate. Reads only.
 */
export const decideManualCreditStep = createStep(
  decideManualCreditStepId,
  async (input: DecideManualCreditStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [header, lines, context, commissions, attributions, affiliates] = await Promise.all([
      fetchOrder<OrderForCrediting>(container, input.order_id, ORDER_HEADER_FIELDS),
      fetchOrder<OrderForCrediting>(container, input.order_id, ORDER_LINES_FIELDS),
      service.retrieveCreditingContext(input.order_id),
      service.listAffiliateCommissions(
        { order_id: input.order_id },
        { select: ["id", "affiliate_id", "status"] }
      ),
      service.listAffiliateOrderAttributions({ order_id: input.order_id }, { select: ["id", "outcome"] }),
      service.listAffiliates(
        { id: input.affiliate_id },
        { select: ["id", "name", "email", "status", "commission_rate", "customer_id", "program_id"], take: 1 }
      ),
    ])
    if (!isPlaced(header)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    if (header.status === OrderStatus.CANCELED) {
      throw invalid(`order_id: order #${header.display_id} is canceled: it earns nothing`)
    }
    const live = commissions.find((commission) => commission.status !== "rejected")
    if (live) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order #${header.display_id} already earns commission ${live.id} (${live.status}): ` +
          "reassign that commission instead"
      )
    }
    const [affiliate] = affiliates
    if (!affiliate) {
      throw invalid(`affiliate_id: no affiliate with id ${input.affiliate_id}`)
    }
    if (affiliate.status !== "approved") {
      throw invalid(`affiliate_id: ${affiliate.name} is ${affiliate.status}: only an approved affiliate is credited`)
    }
    if (commissions.some((commission) => commission.affiliate_id === affiliate.id)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${affiliate.name}'s commission on order #${header.display_id} was rejected: it cannot be credited again`
      )
    }

    const order: OrderForCrediting = { ...header, transactions: lines?.transactions ?? null, items: lines?.items ?? null }
    const program = await programTermsLoader(service, async () => context.default_terms)(affiliate.program_id)
    const productFacts = context.has_product_fact_rules
      ? fetchProductFacts(container, order.items ?? []).catch(() => null)
      : Promise.resolve(null)
    const decision = await decideCommission(
      container,
      order,
      {
        decision: {
          order_id: order.id,
          customer_id: order.customer_id,
          email: order.email,
          affiliate_id: affiliate.id,
          method: "manual",
          outcome: "credited",
          commission: null,
          connect_customer: false,
          customer_email: null,
          has_refunds: (order.transactions ?? []).some((transaction) => transaction.reference === "refund"),
          connection_credit: null,
          expired_connection_ids: [],
        },
        winner: { method: "manual", affiliate_id: affiliate.id, affiliate, program },
        // The admin chose this affiliate for this order, whoever bought it.
        is_self_referral: false,
      },
      context.settings,
      productFacts
    )
    decision.commission = { ...decision.commission!, created_by: input.created_by, note: input.note }
    return new StepResponse<DecideManualCreditStepOutput>({
      decision,
      previous_attribution_id: attributions[0]?.id ?? null,
    })
  }
)
