import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { ConnectionSource } from "../../../modules/affiliate/models/affiliate-connection"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { findCustomerEmails } from "../../utils/customer-emails"

export type CreateAffiliateConnectionsStepInput = {
  connections: { affiliate_id: string; customer_id: string }[]
  source: ConnectionSource
  created_by?: string | null
}

export const createAffiliateConnectionsStepId = "create-affiliate-connections"

const BATCH_SIZE = 500

/**
 * Writes many connections in batches (for imports). If a customer was
 * connected meanwhile, the unique index stops the batch and the whole import
 * is undone, reported as a conflict.
 */
export const createAffiliateConnectionsStep = createStep(
  createAffiliateConnectionsStepId,
  async (input: CreateAffiliateConnectionsStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const createdIds: string[] = []

    for (let start = 0; start < input.connections.length; start += BATCH_SIZE) {
      const batch = input.connections.slice(start, start + BATCH_SIZE)
      const emails = await findCustomerEmails(
        container,
        batch.map((connection) => connection.customer_id)
      )
      const created = await service
        .createAffiliateConnections(
          batch.map((connection) => ({
            ...connection,
            customer_email: emails.get(connection.customer_id) ?? null,
            source: input.source,
            created_by: input.created_by ?? null,
          }))
        )
        .catch(async (error: unknown) => {
          // A failing step is not compensated: remove the earlier batches here.
          if (createdIds.length) {
            await service.deleteAffiliateConnections(createdIds)
          }
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `a customer in rows ${start + 1}–${start + batch.length} was connected while importing; nothing was imported, run it again (${(error as Error).message})`
          )
        })
      createdIds.push(...created.map((connection) => connection.id))
    }

    return new StepResponse(createdIds, createdIds)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateConnections(createdIds)
  }
)
