import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { OrderAttributionDecision } from "../attribution/types"

export type RecordManualAttributionStepInput = {
  decision: OrderAttributionDecision
  /** The order's earlier decision, replaced; null: the order was undecided. */
  previous_attribution_id: string | null
}

export const recordManualAttributionStepId = "record-manual-attribution"

const ATTRIBUTION_FIELDS = ["id", "affiliate_id", "method", "outcome", "customer_id", "email"] as const

type StoredAttribution = Awaited<ReturnType<AffiliateModuleService["retrieveAffiliateOrderAttribution"]>>

/** What compensation undoes: the row it created, or the earlier decision to put back. */
type Undo = { created_id: string | null; previous: Pick<StoredAttribution, (typeof ATTRIBUTION_FIELDS)[number]> | null }

/**
 * Records that the order credits the affiliate by hand: the earlier decision
 * (no affiliate, a blocked one) is replaced, or the undecided order is
 * decided, so automatic crediting leaves it alone from now on. Compensation
 * puts back what was there.
 */
export const recordManualAttributionStep = createStep(
  recordManualAttributionStepId,
  async ({ decision, previous_attribution_id }: RecordManualAttributionStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const values = {
      affiliate_id: decision.affiliate_id,
      method: decision.method,
      outcome: decision.outcome,
      customer_id: decision.customer_id,
      email: decision.email,
    }
    if (!previous_attribution_id) {
      const created = await service.createAffiliateOrderAttributions({ order_id: decision.order_id, ...values })
      return new StepResponse<void, Undo>(void 0, { created_id: created.id, previous: null })
    }
    const previous = await service.retrieveAffiliateOrderAttribution(previous_attribution_id, {
      select: [...ATTRIBUTION_FIELDS],
    })
    await service.updateAffiliateOrderAttributions({ id: previous_attribution_id, ...values })
    return new StepResponse<void, Undo>(void 0, { created_id: null, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    if (undo.created_id) {
      await service.deleteAffiliateOrderAttributions(undo.created_id)
    } else if (undo.previous) {
      await service.updateAffiliateOrderAttributions(undo.previous)
    }
  }
)
