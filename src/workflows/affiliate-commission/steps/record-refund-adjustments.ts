import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { currencyPrecision } from "../../../modules/affiliate/utils/money"

export const recordRefundAdjustmentsStepId = "record-refund-adjustments"

type Refund = { id: string; amount: unknown; created_at: string | Date }

/**
 * For each refund of the payment not yet recorded, a negative adjustment on
 * the order's live commissions: the commission's share of the refund
 * (refund ÷ amount the customer was asked to pay), never taking the
 * commission below zero. Each
 * refund's id is the adjustment's reference, unique per commission, so a
 * repeated event adds nothing.
 */
export const recordRefundAdjustmentsStep = createStep(
  recordRefundAdjustmentsStepId,
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)

    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: [
        "id",
        "payment_collection_id",
        // The order's total shrinks with each refund; the collection's amount does not.
        "payment_collection.amount",
        "refunds.id",
        "refunds.amount",
        "refunds.created_at",
      ],
      filters: { id: input.payment_id },
    })
    const refunds = ((payment?.refunds ?? []) as Refund[])
      .filter(Boolean)
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
    if (!payment || !refunds.length) {
      return new StepResponse({ adjustment_ids: [] as string[] }, [] as string[])
    }

    const { data: links } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order.id"],
      filters: { payment_collection_id: payment.payment_collection_id },
    })
    const orderId = links[0]?.order?.id as string | undefined
    const charged = payment.payment_collection?.amount as number | undefined
    if (!orderId || !charged || MathBN.lte(charged, 0)) {
      return new StepResponse({ adjustment_ids: [] as string[] }, [] as string[])
    }

    const commissions = await service.listAffiliateCommissions(
      { order_id: orderId, status: ["pending", "approved", "paid"] },
      { relations: ["adjustments"] }
    )
    const adjustments = commissions.flatMap((commission) => {
      const recorded = new Set(commission.adjustments.map((a) => a.reference))
      let remaining = MathBN.add(commission.amount, ...commission.adjustments.map((a) => a.amount))
      return refunds
        .filter((refund) => !recorded.has(refund.id))
        .map((refund) => {
          const share = MathBN.convert(
            MathBN.div(MathBN.mult(commission.amount, refund.amount as number), charged),
            currencyPrecision(commission.currency_code)
          )
          const amount = MathBN.min(share, remaining)
          remaining = MathBN.sub(remaining, amount)
          return {
            commission_id: commission.id,
            amount: MathBN.mult(amount, -1).toNumber(),
            reason: "refund" as const,
            reference: refund.id,
          }
        })
        .filter((adjustment) => adjustment.amount < 0)
    })

    const created = adjustments.length
      ? await service.createAffiliateCommissionAdjustments(adjustments)
      : []
    const ids = created.map((a) => a.id)
    return new StepResponse({ adjustment_ids: ids }, ids)
  },
  async (adjustmentIds, { container }) => {
    if (!adjustmentIds?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateCommissionAdjustments(adjustmentIds)
  }
)
