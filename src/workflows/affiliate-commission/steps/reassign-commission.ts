import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ReassignCommissionDTO } from "../../../modules/affiliate/types"

export const reassignCommissionStepId = "reassign-commission"

/**
 * Rejects the commission as `reassigned` and writes its replacement for the
 * target affiliate, with the same money and a copy of its adjustments, and
 * moves the order's attribution (one transaction). Compensation deletes the
 * replacement and puts the old commission and the attribution back.
 */
export const reassignCommissionStep = createStep(
  reassignCommissionStepId,
  async (input: ReassignCommissionDTO, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const reassignment = await service.reassignCommission(input)
    return new StepResponse({ id: reassignment.id, previous_id: input.commission_id }, reassignment)
  },
  async (reassignment, { container }) => {
    if (!reassignment) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.undoCommissionReassignment(reassignment)
  }
)
