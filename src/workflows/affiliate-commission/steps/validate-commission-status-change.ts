import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { CommissionStatus } from "../../../modules/affiliate/models/affiliate-commission"
import type AffiliateModuleService from "../../../modules/affiliate/service"

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

export const validateCommissionStatusChangeStepId = "validate-commission-status-change"

/**
 * Every commission must exist and be allowed to move to the new status;
 * otherwise nothing changes and the message names the offenders.
 */
export const validateCommissionStatusChangeStep = createStep(
  validateCommissionStatusChangeStepId,
  async (input: CommissionStatusChange, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const ids = [...new Set(input.ids)]
    const commissions = await service.listAffiliateCommissions(
      { id: ids },
      { select: ["id", "status", "available_at"] }
    )

    const missing = ids.filter((id) => !commissions.some((c) => c.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Commission ${missing.join(", ")} was not found`
      )
    }
    if (input.status === "rejected" && !input.reason?.trim()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "reason is required to reject a commission"
      )
    }
    const refused = commissions.filter(
      (c) => !COMMISSION_TRANSITIONS[c.status as CommissionStatus].includes(input.status)
    )
    if (refused.length) {
      const described = refused.map((c) => `${c.id} is ${c.status}`).join(", ")
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `status: cannot change to ${input.status} (${described})`
      )
    }

    const now = new Date()
    const held = commissions.filter((c) => c.available_at && new Date(c.available_at) > now)
    if (held.length && input.status !== "rejected") {
      const described = held
        .map((c) => `${c.id} is on hold until ${new Date(c.available_at!).toISOString()}`)
        .join(", ")
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot ${input.status === "paid" ? "pay" : "approve"} a commission in its hold period ` +
          `(${described}): it can be approved from then`
      )
    }
    // A payout's commissions change with the payout (paid, or released when it fails).
    const inPayouts = await service.findPayoutsHoldingCommissions(ids)
    const taken = ids.filter((id) => inPayouts[id])
    if (taken.length) {
      const described = taken.map((id) => `${id} is in payout ${inPayouts[id]}`).join(", ")
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot change a commission held by a payout (${described}): ` +
          "mark the payout paid, failed or canceled instead"
      )
    }

    return new StepResponse(
      commissions.map((c) => ({ id: c.id, status: c.status as CommissionStatus }))
    )
  }
)
