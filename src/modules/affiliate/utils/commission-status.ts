import { MedusaError } from "@medusajs/framework/utils"
import type { CommissionStatus } from "../models/affiliate-commission"

/** The statuses an admin can move a commission to, from each status. */
export const COMMISSION_TRANSITIONS: Record<CommissionStatus, CommissionStatus[]> = {
  pending: ["approved", "rejected"],
  approved: ["paid", "rejected"],
  paid: [],
  rejected: [],
}

export type CommissionStatusChange = {
  ids: string[]
  status: CommissionStatus
  reason?: string | null
}

type CommissionToChange = {
  id: string
  status: string
  available_at: Date | string | null
}

/**
 * Throws unless every commission exists and may move to the new status now:
 * allowed from its status, out of its hold period (except to reject), held
 * by no live payout (a payout's commissions change with the payout). The
 * message names the offenders.
 */
export function assertCommissionStatusChange(
  change: CommissionStatusChange,
  commissions: CommissionToChange[],
  heldBy: Map<string, string>,
  now: Date
): void {
  const ids = [...new Set(change.ids)]
  const missing = ids.filter((id) => !commissions.some((c) => c.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission ${missing.join(", ")} was not found`)
  }
  if (change.status === "rejected" && !change.reason?.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required to reject a commission")
  }
  const refused = commissions.filter(
    (c) => !COMMISSION_TRANSITIONS[c.status as CommissionStatus].includes(change.status)
  )
  if (refused.length) {
    const described = refused.map((c) => `${c.id} is ${c.status}`).join(", ")
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `status: cannot change to ${change.status} (${described})`
    )
  }
  const held = commissions.filter((c) => c.available_at && new Date(c.available_at) > now)
  if (held.length && change.status !== "rejected") {
    const described = held
      .map((c) => `${c.id} is on hold until ${new Date(c.available_at!).toISOString()}`)
      .join(", ")
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot ${change.status === "paid" ? "pay" : "approve"} a commission in its hold period ` +
        `(${described}): it can be approved from then`
    )
  }
  const taken = ids.filter((id) => heldBy.has(id))
  if (taken.length) {
    const described = taken.map((id) => `${id} is in payout ${heldBy.get(id)}`).join(", ")
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot change a commission held by a payout (${described}): ` +
        "mark the payout paid, failed or canceled instead"
    )
  }
}
