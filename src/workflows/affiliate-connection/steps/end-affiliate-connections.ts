import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type EndAffiliateConnectionsStepInput = {
  ids: string[]
  ended_by?: string | null
}

export const endAffiliateConnectionsStepId = "end-affiliate-connections"

/** Ends live connections (reason `removed`); compensation re-opens them. */
export const endAffiliateConnectionsStep = createStep(
  endAffiliateConnectionsStepId,
  async ({ ids, ended_by }: EndAffiliateConnectionsStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const live = await service.listAffiliateConnections(
      { id: ids, ended_at: null },
      { select: ["id"] }
    )
    const missing = ids.filter((id) => !live.some((c) => c.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `affiliate connection ${missing.join(", ")} was not found`
      )
    }

    const endedAt = new Date()
    await service.updateAffiliateConnections(
      ids.map((id) => ({
        id,
        ended_at: endedAt,
        ended_reason: "removed" as const,
        ended_by: ended_by ?? null,
      }))
    )
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliateConnections(
      ids.map((id) => ({ id, ended_at: null, ended_reason: null, ended_by: null }))
    )
  }
)
