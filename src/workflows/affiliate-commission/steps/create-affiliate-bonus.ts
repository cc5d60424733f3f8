import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type CreateAffiliateBonusStepInput = {
  affiliate_id: string
  currency_code: string
  /** Major units: positive for a bonus, negative for a deduction. */
  amount: number
  note: string
  /** The admin user giving it. */
  created_by: string
}

export const createAffiliateBonusStepId = "create-affiliate-bonus"

/**
 * A bonus or a deduction: a ledger line of its own, with no order, approved
 * at once (payable in the next batch; a deduction is netted against what
 * else the affiliate is owed in that currency). Compensation deletes it.
 */
export const createAffiliateBonusStep = createStep(
  createAffiliateBonusStepId,
  async (input: CreateAffiliateBonusStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates(
      { id: input.affiliate_id },
      { select: ["id", "program_id"], take: 1 }
    )
    if (!affiliate) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `affiliate_id: no affiliate with id ${input.affiliate_id}`
      )
    }
    const created = await service.createAffiliateCommissions({
      affiliate_id: affiliate.id,
      order_id: null,
      customer_id: null,
      currency_code: input.currency_code,
      base_amount: 0,
      rate: 0,
      amount: input.amount,
      attribution: "manual",
      status: "approved",
      program_id: affiliate.program_id,
      created_by: input.created_by,
      note: input.note,
    })
    return new StepResponse({ id: created.id }, created.id)
  },
  async (commissionId, { container }) => {
    if (!commissionId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateCommissions(commissionId)
  }
)
