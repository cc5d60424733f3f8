import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ValidateCommissionReassignmentStepInput = {
  /** The commission to move. */
  id: string
  /** The affiliate it moves to. */
  affiliate_id: string
}

export type ValidateCommissionReassignmentStepOutput = {
  /** The target affiliate's program, or the default program's id. */
  program_id: string
}

export const validateCommissionReassignmentStepId = "validate-commission-reassignment"

/**
 * A commission can move while it is pending or approved and in no live
 * payout, to another affiliate that exists, is not blocked and has no
 * commission on the order yet (409, naming it).
 */
export const validateCommissionReassignmentStep = createStep(
  validateCommissionReassignmentStepId,
  async ({ id, affiliate_id }: ValidateCommissionReassignmentStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [commission] = await service.listAffiliateCommissions(
      { id },
      { select: ["id", "order_id", "affiliate_id", "status"], take: 1 }
    )
    if (!commission) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission with id: ${id} was not found`)
    }
    if (!commission.order_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot reassign commission ${id}: it is a bonus or deduction, not an order's (give the other affiliate their own)`
      )
    }
    if (commission.status === "rejected" || commission.status === "paid") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot reassign commission ${id}: it is ${commission.status}`
      )
    }
    const inPayouts = await service.findPayoutsHoldingCommissions([id])
    if (inPayouts[id]) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot reassign commission ${id}: it is in payout ${inPayouts[id]} ` +
          "(mark the payout failed or canceled first)"
      )
    }

    if (affiliate_id === commission.affiliate_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `affiliate_id: commission ${id} already belongs to affiliate ${affiliate_id}`
      )
    }
    const [target] = await service.listAffiliates(
      { id: affiliate_id },
      { select: ["id", "name", "status", "program_id"], take: 1 }
    )
    if (!target) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `affiliate_id: there is no affiliate ${affiliate_id}`
      )
    }
    if (target.status === "blocked") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `affiliate_id: affiliate ${target.name} is blocked`
      )
    }
    const [existing] = await service.listAffiliateCommissions(
      { order_id: commission.order_id, affiliate_id },
      { select: ["id", "status"], take: 1 }
    )
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Affiliate ${target.name} already has commission ${existing.id} (${existing.status}) ` +
          `on order ${commission.order_id}`
      )
    }

    const { id: program_id } = await service.retrieveEffectiveProgram(target.program_id as string | null)
    return new StepResponse<ValidateCommissionReassignmentStepOutput>({ program_id })
  }
)
