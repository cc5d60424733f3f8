import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const recordRefundAdjustmentsStepId = "record-refund-adjustments"

type Refund = { id: string; amount: number; created_at: string | Date }

type OrderPayments = {
  payment_collections:
    | {
        amount: number
        payments: { refunds: Refund[] | null }[] | null
      }[]
    | null
}

/**
 * For the refunds of the order not yet recorded, negative adjustments on its
 * live commissions: cumulatively, the commission's share of everything
 * refunded so far (÷ the amount the customer was asked to pay; the order's
 * total shrinks with each refund, the collections' amounts do not), never
 * taking a commission below zero. Each refund's id is the adjustment's
 * reference, unique per commission, so a repeated event adds nothing.
 */
export const recordRefundAdjustmentsStep = createStep(
  recordRefundAdjustmentsStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)

    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "payment_collections.amount",
        "payment_collections.payments.refunds.id",
        "payment_collections.payments.refunds.amount",
        "payment_collections.payments.refunds.created_at",
      ],
      filters: { id: input.order_id },
    })
    const collections = (orders[0] as OrderPayments | undefined)?.payment_collections ?? []
    const charged = MathBN.sum(0, ...collections.map((c) => c.amount))
    const refunds = collections
      .flatMap((c) => c.payments ?? [])
      .flatMap((p) => p.refunds ?? [])
      .sort(
        (a, b) =>
          new Date(a.created_at).getTime() - new Date(b.created_at).getTime() ||
          a.id.localeCompare(b.id)
      )
    if (!refunds.length || MathBN.lte(charged, 0)) {
      return new StepResponse({ adjustment_ids: [] as string[] }, [] as string[])
    }
    // The commissions are read and adjusted under their lock: a reassignment
    // at the same moment carries the adjustments over, or sees them.
    const ids = await service.recordOrderRefunds({
      order_id: input.order_id,
      refunds,
      charged: charged.toString(),
    })
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
