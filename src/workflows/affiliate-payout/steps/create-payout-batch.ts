import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE, type CreatePayoutBatchDTO } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const createPayoutBatchStepId = "create-affiliate-payout-batch"

/** Writes the batch, its payouts and their lines; compensation removes all three. */
export const createPayoutBatchStep = createStep(
  createPayoutBatchStepId,
  async (input: CreatePayoutBatchDTO, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const created = await service.createPayoutBatch(input)
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const items = await service.listAffiliatePayoutItems(
      { payout_id: created.payout_ids },
      { select: ["id"] }
    )
    await service.deleteAffiliatePayoutItems(items.map((item) => item.id))
    await service.deleteAffiliatePayouts(created.payout_ids)
    await service.deleteAffiliatePayoutBatches(created.batch_id)
  }
)
