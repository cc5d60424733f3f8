import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, OrderStatus } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { creditOrderWorkflow } from "../workflows"

/** How far back the first run looks, when no run has left a watermark yet. */
export const RECONCILE_LOOKBACK_DAYS = 7
// Orders younger than this are still being handled by their `order.placed` subscriber.
const GRACE_MINUTES = 5
const PAGE_SIZE = 500
const JOB_NAME = "affiliate-reconcile-order-credits"

/** An order's place in the scan: `(created_at, id)`, unique and ordered. */
export type OrderPosition = { created_at: Date; id: string }

export type CreditUndecidedOrdersResult = {
  credited: number
  failed: number
  /** Every order up to here is decided; null when the scan settled nothing new. */
  settled: OrderPosition | null
}

/**
 * Credits the placed (not draft) orders after `after` and created up to
 * `until` that have no crediting decision recorded, reading them in
 * `(created_at, id)` order a page at a time (keyset, so a page costs the
 * same however far the scan is). Returns how many were decided and failed,
 * and the position up to which every order is decided: the scan settles
 * nothing past an order that failed, so the next run tries it again.
 */
export async function creditUndecidedOrders(
  container: MedusaContainer,
  { after, until }: { after: OrderPosition; until: Date }
): Promise<CreditUndecidedOrdersResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const result: CreditUndecidedOrdersResult = { credited: 0, failed: 0, settled: null }
  let position = after

  for (;;) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "created_at"],
      filters: {
        $or: [
          { created_at: { $gt: position.created_at, $lte: until } },
          { created_at: position.created_at, id: { $gt: position.id } },
        ],
        // Placed orders only: drafts are credited once converted (`order.placed`).
        is_draft_order: false,
        status: { $ne: OrderStatus.DRAFT },
      },
      pagination: { take: PAGE_SIZE, order: { created_at: "ASC", id: "ASC" } },
    })
    const decided = orders.length
      ? await service.listAffiliateOrderAttributions(
          { order_id: orders.map((order) => order.id) },
          { select: ["order_id"] }
        )
      : []
    const decidedIds = new Set(decided.map((attribution) => attribution.order_id))

    for (const order of orders) {
      if (!decidedIds.has(order.id)) {
        try {
          await creditOrderWorkflow(container).run({ input: { order_id: order.id } })
          result.credited++
        } catch (error) {
          result.failed++
          logger.warn(
            `Affiliate reconciliation could not credit order ${order.id}: ${(error as Error).message}`
          )
        }
      }
      if (!result.failed) {
        result.settled = { created_at: new Date(order.created_at), id: order.id }
      }
    }
    if (orders.length < PAGE_SIZE) {
      return result
    }
    const last = orders[orders.length - 1]
    position = { created_at: new Date(last.created_at), id: last.id }
  }
}

/**
 * Medusa's default event bus does not retry a failed subscriber, and the
 * Redis one retries only when told to, so an order could stay uncredited.
 * This job credits the orders placed since its watermark (where its last run
 * settled, kept in `affiliate_job_cursor`) that have no crediting decision:
 * each run reads only the orders that are new since, however long ago that
 * is. The crediting workflow is idempotent, so a race with a late subscriber
 * is harmless.
 */
export default async function reconcileOrderCredits(container: MedusaContainer) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const now = Date.now()
  const [watermark] = await service.listAffiliateJobCursors({ job: JOB_NAME }, { take: 1 })
  const after: OrderPosition = watermark
    ? { created_at: new Date(watermark.position_created_at), id: watermark.position_id }
    : { created_at: new Date(now - RECONCILE_LOOKBACK_DAYS * 24 * 60 * 60 * 1000), id: "" }

  const { credited, failed, settled } = await creditUndecidedOrders(container, {
    after,
    until: new Date(now - GRACE_MINUTES * 60 * 1000),
  })
  if (settled) {
    const position = { position_created_at: settled.created_at, position_id: settled.id }
    if (watermark) {
      await service.updateAffiliateJobCursors({ id: watermark.id, ...position })
    } else {
      await service.createAffiliateJobCursors({ job: JOB_NAME, ...position })
    }
  }
  if (credited || failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate reconciliation: ${credited} order(s) decided, ${failed} failed`)
  }
}

export const config = {
  name: JOB_NAME,
  schedule: "*/15 * * * *",
}
