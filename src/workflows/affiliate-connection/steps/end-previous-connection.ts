import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type EndPreviousConnectionStepInput = {
  customer_id: string
  affiliate_id: string
  /** Move the customer when they already have another affiliate. */
  replace?: boolean
  ended_by?: string | null
}

export const endPreviousConnectionStepId = "end-previous-affiliate-connection"

/**
 * One affiliate per customer: a customer who already has one is a conflict,
 * unless `replace` is asked, which ends (never edits) the old connection.
 */
export const endPreviousConnectionStep = createStep(
  endPreviousConnectionStepId,
  async (input: EndPreviousConnectionStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [current] = await service.listAffiliateConnections(
      { customer_id: input.customer_id, ended_at: null },
      { relations: ["affiliate"] }
    )
    if (!current) {
      return new StepResponse(void 0, null)
    }

    const owner = `${current.affiliate.name} (${current.affiliate.code})`
    if (current.affiliate.id === input.affiliate_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `customer_id: the customer is already connected to ${owner}`
      )
    }
    if (!input.replace) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `customer_id: the customer is already connected to affiliate ${owner}; send replace: true to move them`
      )
    }

    await service.updateAffiliateConnections({
      id: current.id,
      ended_at: new Date(),
      ended_reason: "replaced",
      ended_by: input.ended_by ?? null,
    })
    return new StepResponse(void 0, current.id)
  },
  async (endedId, { container }) => {
    if (!endedId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateConnections({
      id: endedId,
      ended_at: null,
      ended_reason: null,
      ended_by: null,
    })
  }
)
