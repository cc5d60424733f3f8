import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { CommissionStatus } from "../../../modules/affiliate/models/affiliate-commission"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { CommissionStatusChange } from "../../../modules/affiliate/utils/commission-status"

export type { CommissionStatusChange }
export { COMMISSION_TRANSITIONS } from "../../../modules/affiliate/utils/commission-status"

export const updateCommissionStatusesStepId = "update-commission-statuses"

/**
 * Moves the commissions to the new status, all or none, if each may move
 * (found, allowed from its status, out of its hold, in no live payout),
 * checked under the commission lock so a payout batch at the same moment
 * cannot take one that is being rejected or paid by hand. Compensation puts
 * back the old statuses.
 */
export const updateCommissionStatusesStep = createStep(
  updateCommissionStatusesStepId,
  async (input: CommissionStatusChange, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const { updated, previous } = await service.changeCommissionStatuses(input)
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
