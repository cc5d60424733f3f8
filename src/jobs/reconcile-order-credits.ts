import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, OrderStatus } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { creditOrderWorkflow } from "../workflows"

/** How far back the job looks for orders that were never decided. */
export const RECONCILE_LOOKBACK_DAYS = 7
// Orders younger than this are still being handled by their `order.placed` subscriber.
const GRACE_MINUTES = 5
const PAGE_SIZE = 200

/**
 * Credits the placed (not draft) orders created between `since` and `until`
 * that have no crediting decision recorded. Returns how many were decided and failed.
 */
export async function creditUndecidedOrders(
  container: MedusaContainer,
  { since, until }: { since: Date; until: Date }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  let credited = 0
  let failed = 0

  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id"],
      // Placed orders only: drafts are credited once converted (`order.placed`).
      filters: {
        created_at: { $gte: since, $lte: until },
        is_draft_order: false,
        status: { $ne: OrderStatus.DRAFT },
      },
      pagination: { skip, take: PAGE_SIZE, order: { created_at: "ASC" } },
    })
    const decided = orders.length
      ? await service.listAffiliateOrderAttributions(
          { order_id: orders.map((order) => order.id) },
          { select: ["order_id"] }
        )
      : []
    const decidedIds = new Set(decided.map((attribution) => attribution.order_id))

    for (const order of orders.filter((order) => !decidedIds.has(order.id))) {
      try {
        await creditOrderWorkflow(container).run({ input: { order_id: order.id } })
        credited++
      } catch (error) {
        failed++
        logger.warn(
          `Affiliate reconciliation could not credit order ${order.id}: ${(error as Error).message}`
        )
      }
    }
    if (orders.length < PAGE_SIZE) {
      break
    }
  }

  return { credited, failed }
}

/**
 * Medusa's default event bus does not retry a failed subscriber, so an order
 * could stay uncredited. This job credits recent orders with no crediting
 * decision recorded; the crediting workflow is idempotent, so a race with a
 * late subscriber is harmless.
 */
export default async function reconcileOrderCredits(container: MedusaContainer) {
  const now = Date.now()
  const { credited, failed } = await creditUndecidedOrders(container, {
    since: new Date(now - RECONCILE_LOOKBACK_DAYS * 24 * 60 * 60 * 1000),
    until: new Date(now - GRACE_MINUTES * 60 * 1000),
  })
  if (credited || failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate reconciliation: ${credited} order(s) decided, ${failed} failed`)
  }
}

export const config = {
  name: "affiliate-reconcile-order-credits",
  schedule: "*/15 * * * *",
}
