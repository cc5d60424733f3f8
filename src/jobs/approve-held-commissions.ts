import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, OrderStatus } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { updateCommissionStatusesWorkflow } from "../workflows"

const PAGE_SIZE = 200

export type ApproveHeldCommissionsResult = { approved: number; rejected: number }

/**
 * With auto-approve commissions on, approves each pending commission whose
 * hold has ended, unless its order was canceled or fully refunded
 * meanwhile (then it is rejected, saying which). Commissions without a hold
 * wait for the admin as before.
 */
export async function approveHeldCommissions(
  container: MedusaContainer
): Promise<ApproveHeldCommissionsResult> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const result: ApproveHeldCommissionsResult = { approved: 0, rejected: 0 }
  if (!(await service.retrieveEffectiveSettings()).auto_approve_commissions) {
    return result
  }

  for (;;) {
    const now = new Date()
    const due = await service.listAffiliateCommissions(
      { status: "pending", available_at: { $lte: now } },
      { relations: ["adjustments"], take: PAGE_SIZE, order: { available_at: "ASC" } }
    )
    if (!due.length) {
      return result
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "status"],
      filters: { id: [...new Set(due.map((c) => c.order_id))] },
    })
    const canceled = new Set(
      orders.filter((o) => o.status === OrderStatus.CANCELED).map((o) => o.id)
    )
    const decisions = { approved: [] as string[], order_canceled: [] as string[], order_refunded: [] as string[] }
    for (const commission of due) {
      const net = MathBN.sum(commission.amount, ...commission.adjustments.map((a) => a.amount))
      const decision = canceled.has(commission.order_id)
        ? "order_canceled"
        : MathBN.lte(net, 0)
          ? "order_refunded"
          : "approved"
      decisions[decision].push(commission.id)
    }
    if (decisions.approved.length) {
      await updateCommissionStatusesWorkflow(container).run({
        input: { ids: decisions.approved, status: "approved" },
      })
    }
    for (const reason of ["order_canceled", "order_refunded"] as const) {
      if (decisions[reason].length) {
        await updateCommissionStatusesWorkflow(container).run({
          input: { ids: decisions[reason], status: "rejected", reason },
        })
      }
    }
    result.approved += decisions.approved.length
    result.rejected += decisions.order_canceled.length + decisions.order_refunded.length
  }
}

export default async function approveHeldCommissionsJob(container: MedusaContainer) {
  const { approved, rejected } = await approveHeldCommissions(container)
  if (approved || rejected) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate commissions out of their hold: ${approved} approved, ${rejected} rejected`)
  }
}

export const config = {
  name: "affiliate-approve-held-commissions",
  schedule: "*/15 * * * *",
}
