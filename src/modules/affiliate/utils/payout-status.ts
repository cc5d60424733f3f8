import { MedusaError } from "@medusajs/framework/utils"
import type { PayoutStatus } from "../models/affiliate-payout"

/** Where a payout can go from each status. */
export const PAYOUT_TRANSITIONS: Record<PayoutStatus, PayoutStatus[]> = {
  draft: ["processing", "paid", "canceled"],
  processing: ["paid", "failed"],
  paid: [],
  failed: [],
  canceled: [],
}

/** Throws unless the payout may move from its status to `to`. */
export function assertPayoutTransition(payout: { id: string; status: PayoutStatus }, to: PayoutStatus) {
  const allowed = PAYOUT_TRANSITIONS[payout.status]
  if (!allowed.includes(to)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Payout ${payout.id} is ${payout.status}: it ` +
        (allowed.length ? `can only become ${allowed.join(", ")}` : "cannot change any more")
    )
  }
}
