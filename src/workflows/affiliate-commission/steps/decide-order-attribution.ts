import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { chooseAffiliate } from "../attribution/choose-affiliate"
import { decideCommission } from "../attribution/decide-commission"
import { candidatePrograms, findCandidates } from "../attribution/find-candidates"
import {
  fetchOrder,
  fetchPromotionIds,
  isPlaced,
  ORDER_HEADER_FIELDS,
  ORDER_LINES_FIELDS,
} from "../attribution/read-order"
import type { OrderAttributionDecision, OrderForCrediting, OrderHeader, OrderLines } from "../attribution/types"
import { fetchProductFacts, programTermsLoader } from "../utils/commission-terms"

export {
  CART_REFERRAL_AT_METADATA_KEY,
  CART_REFERRAL_METADATA_KEY,
  CART_REFERRAL_SIGNATURE_METADATA_KEY,
} from "../attribution/find-candidates"
export type { OrderAttributionDecision } from "../attribution/types"

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

/** The value of a settled promise, or its error thrown. */
function settledValue<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") {
    throw result.reason
  }
  return result.value
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
