import type AffiliateModuleService from "../service"
import { livePayoutsHolding, lockCommissions } from "../queries/commission-locks"
import type { CommissionStatusBeforeDTO } from "../types"
import { assertCommissionStatusChange, type CommissionStatusChange } from "../utils/commission-status"
import { knexOf, type SharedContext } from "./shared-context"

/**
 * Approves, rejects or marks paid commissions by hand, all or none, under
 * the commission lock: each must still allow the change when its lock is
 * held (see assertCommissionStatusChange). Returns them updated and what
 * they were.
 */
export async function changeCommissionStatuses(
  service: AffiliateModuleService,
  change: CommissionStatusChange,
  sharedContext: SharedContext
) {
  const knex = knexOf(sharedContext)
  const ids = [...new Set(change.ids)]
  const commissions = await lockCommissions(knex, ids)
  const heldBy = await livePayoutsHolding(knex, ids)
  assertCommissionStatusChange(change, commissions, heldBy, new Date())
  const updated = await service.updateAffiliateCommissions(
    commissions.map((c) => ({
      id: c.id,
      status: change.status,
      reason: change.status === "rejected" ? change.reason!.trim() : c.reason,
    })),
    sharedContext
  )
  const previous: CommissionStatusBeforeDTO[] = commissions.map((c) => ({
    id: c.id,
    status: c.status,
    reason: c.reason,
  }))
  return { updated, previous }
}
