import type { MedusaContainer } from "@medusajs/framework/types"
import type { AffiliateSettingsDTO } from "../../../modules/affiliate"
import { calculateCommission } from "../../../modules/affiliate/utils/commission-rules"
import { loadCommissionTerms, type ProductFactsByProduct } from "../utils/commission-terms"
import type { Choice } from "./choose-affiliate"
import { decideCommissionStatus } from "./commission-status"
import type { OrderAttributionDecision, OrderForCrediting } from "./types"

/**
 * The commission of the chosen affiliate under their program's terms,
 * computed per line item after discounts, without tax and shipping (see
 * calculateCommission), starting as decideCommissionStatus says.
 */
export async function decideCommission(
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
  const status = decideCommissionStatus({
    order,
    program,
    settings,
    is_self_referral: choice.is_self_referral,
  })
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
    ...status,
    program_id: program.id,
    lines: calculated.lines,
    tier,
  }
  if (winner.connection && status.status !== "rejected" && program.connection_lifetime === "orders") {
    decision.connection_credit = {
      connection_id: winner.connection.id,
      limit: program.connection_lifetime_value,
    }
  }
  return decision
}
