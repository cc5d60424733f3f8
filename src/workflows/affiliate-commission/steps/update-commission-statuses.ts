import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { CommissionStatus } from "../../../modules/affiliate/models/affiliate-commission"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { CommissionStatusChange } from "./validate-commission-status-change"

export const updateCommissionStatusesStepId = "update-commission-statuses"

/** Moves the commissions to the new status; compensation puts back the old ones. */
export const updateCommissionStatusesStep = createStep(
  updateCommissionStatusesStepId,
  async (input: CommissionStatusChange, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.listAffiliateCommissions(
      { id: input.ids },
      { select: ["id", "status", "reason"] }
    )
    const updated = await service.updateAffiliateCommissions(
      previous.map((c) => ({
        id: c.id,
        status: input.status,
        reason: input.status === "rejected" ? input.reason!.trim() : c.reason,
      }))
    )
    return new StepResponse(
      updated,
      previous.map((c) => ({ id: c.id, status: c.status as CommissionStatus, reason: c.reason }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateCommissions(previous)
  }
)
