import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, OrderStatus } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { creditOrder } from "../workflows"

/** How far back the first run looks, when no run has left a watermark yet. */
export const RECONCILE_LOOKBACK_DAYS = 7
// Orders younger than this are still being handled by their `order.placed` subscriber.
const GRACE_MINUTES = 5
const PAGE_SIZE = 500
const JOB_NAME = "affiliate-reconcile-order-credits"

export type CreditUndecidedOrdersResult = {
  /** Orders read (decided or not). */
  read: number
  credited: number
  failed: number
  /** Every order up to this one (by id) is decided; null when the scan settled nothing new. */
  settled: { id: string; created_at: Date } | null
}

const CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * The smallest order id Medusa can have generated at `time`: its ids are
 * `order_` and a ULID, whose first ten characters encode the creation time,
 * so ids sort by creation time and the primary key serves as a time index.
 */
export function firstOrderIdAt(time: Date): string {
  let ms = time.getTime()
  let encoded = ""
  for (let i = 0; i < 10; i++) {
    encoded = CROCKFORD_BASE32[ms % 32] + encoded
    ms = Math.floor(ms / 32)
  }
  return `order_${encoded}`
}

/**
 * Credits the placed (not draft) orders after the order id `after` and
 * created up to `until` that have no crediting decision recorded, reading
 * them by id a page at a time: a keyset on the primary key (Medusa's order
 * table has no index on its dates), so a run reads only the orders after
 * `after`. Returns how many were decided and failed, and the order up to
 * which every one is decided: the scan settles nothing past an order that
 * failed, so the next run tries it again.
 */
export async function creditUndecidedOrders(
  container: MedusaContainer,
  { after, until }: { after: string; until: Date }
): Promise<CreditUndecidedOrdersResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const result: CreditUndecidedOrdersResult = { read: 0, credited: 0, failed: 0, settled: null }
  let position = after

  for (;;) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "created_at"],
      filters: {
        id: { $gt: position },
        created_at: { $lte: until },
        // Placed orders only: drafts are credited once converted (`order.placed`,
        // or the next run, which checks the drafts open at this one).
        is_draft_order: false,
        status: { $ne: OrderStatus.DRAFT },
      },
      pagination: { take: PAGE_SIZE, order: { id: "ASC" } },
    })
    const decided = orders.length
      ? await service.listAffiliateOrderAttributions(
          { order_id: orders.map((order) => order.id) },
          { select: ["order_id"] }
        )
      : []
    const decidedIds = new Set(decided.map((attribution) => attribution.order_id))
    result.read += orders.length

    for (const order of orders) {
      if (!decidedIds.has(order.id)) {
        try {
          await creditOrder(container, order.id)
          result.credited++
        } catch (error) {
          result.failed++
          logger.warn(
            `Affiliate reconciliation could not credit order ${order.id}: ${(error as Error).message}`
          )
        }
      }
      if (!result.failed) {
        result.settled = { id: order.id, created_at: new Date(order.created_at) }
      }
    }
    if (orders.length < PAGE_SIZE) {
      return result
    }
    position = orders[orders.length - 1].id
  }
}

/**
 * The ids of the draft orders open now. Medusa indexes `is_draft_order`
 * (partially, live rows), so this reads only the drafts, however many
 * orders the store has.
 */
export async function listOpenDraftOrderIds(container: MedusaContainer): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: drafts } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { is_draft_order: true },
  })
  return drafts.map((draft) => draft.id)
}

export type CreditConvertedDraftsResult = {
  read: number
  credited: number
  /** The converted drafts whose crediting failed, to try again next run. */
  failed_ids: string[]
}

/**
 * Credits the orders among `draftIds` (drafts at an earlier run) that have
 * since been converted and have no crediting decision: a converted draft
 * keeps its id, which the order scan may have passed while it was a draft.
 * Reads them by primary key.
 */
export async function creditConvertedDrafts(
  container: MedusaContainer,
  draftIds: string[]
): Promise<CreditConvertedDraftsResult> {
  const result: CreditConvertedDraftsResult = { read: 0, credited: 0, failed_ids: [] }
  if (!draftIds.length) {
    return result
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const { data: converted } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: draftIds, is_draft_order: false, status: { $ne: OrderStatus.DRAFT } },
  })
  result.read = converted.length
  const decided = converted.length
    ? await service.listAffiliateOrderAttributions(
        { order_id: converted.map((order) => order.id) },
        { select: ["order_id"] }
      )
    : []
  const decidedIds = new Set(decided.map((attribution) => attribution.order_id))
  for (const order of converted.filter((order) => !decidedIds.has(order.id))) {
    try {
      await creditOrder(container, order.id)
      result.credited++
    } catch (error) {
      result.failed_ids.push(order.id)
      logger.warn(
        `Affiliate reconciliation could not credit converted draft ${order.id}: ${(error as Error).message}`
      )
    }
  }
  return result
}

/**
 * Medusa's default event bus does not retry a failed subscriber, and the
 * Redis one retries only when told to, so an order could stay uncredited.
 * This job credits the orders placed after its watermark (the last order its
 * last run settled, kept in `affiliate_job_cursor`) that have no crediting
 * decision: each run reads only the orders that are new since, however long
 * ago that is. A draft converted into an order keeps its old id, which the
 * watermark may have passed while it was a draft, so the cursor also keeps
 * the drafts open at each run and the next run credits those converted since
 * (read through Medusa's index on `is_draft_order` and by primary key: the
 * cost follows the number of open drafts, not of orders — 200 drafts among
 * 500,000 orders read in about 7 ms, where a scan of recently updated orders
 * takes 270 ms, as the order table has no index on `updated_at`). The crediting workflow is idempotent, so a race
 * with a late subscriber is harmless. Returns what the run read, decided and
 * failed.
 */
export default async function reconcileOrderCredits(
  container: MedusaContainer
): Promise<CreditUndecidedOrdersResult> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const now = Date.now()
  const [watermark] = await service.listAffiliateJobCursors({ job: JOB_NAME }, { take: 1 })
  // Listed before the scan, so a draft converted while the scan runs is
  // checked next run rather than missed by both.
  const openDraftIds = await listOpenDraftOrderIds(container)
  const scanned = await creditUndecidedOrders(container, {
    after:
      watermark?.position_id ??
      firstOrderIdAt(new Date(now - RECONCILE_LOOKBACK_DAYS * 24 * 60 * 60 * 1000)),
    until: new Date(now - GRACE_MINUTES * 60 * 1000),
  })
  const drafts = await creditConvertedDrafts(container, watermark?.open_draft_order_ids ?? [])
  const result: CreditUndecidedOrdersResult = {
    ...scanned,
    read: scanned.read + drafts.read,
    credited: scanned.credited + drafts.credited,
    failed: scanned.failed + drafts.failed_ids.length,
  }
  const { credited, failed, settled } = result
  const cursor = {
    ...(settled ? { position_created_at: settled.created_at, position_id: settled.id } : {}),
    open_draft_order_ids: [...new Set([...openDraftIds, ...drafts.failed_ids])],
  }
  if (watermark) {
    await service.updateAffiliateJobCursors({ id: watermark.id, ...cursor })
  } else if (settled) {
    await service.createAffiliateJobCursors({
      job: JOB_NAME,
      position_created_at: settled.created_at,
      position_id: settled.id,
      ...cursor,
    })
  }
  if (credited || failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate reconciliation: ${credited} order(s) decided, ${failed} failed`)
  }
  return result
}

export const config = {
  name: JOB_NAME,
  schedule: "*/15 * * * *",
}
