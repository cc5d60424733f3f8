import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { ConnectionSource } from "../../../modules/affiliate/models/affiliate-connection"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { findCustomerEmails } from "../../utils/customer-emails"

export type CreateAffiliateConnectionStepInput = {
  affiliate_id: string
  customer_id: string
  source: ConnectionSource
  created_by?: string | null
  metadata?: Record<string, unknown> | null
}

export const createAffiliateConnectionStepId = "create-affiliate-connection"

/**
 * Writes the connection. The unique index on the customer's live connection is
 * the last word under concurrency: losing that race is a 409, not a 500.
 */
export const createAffiliateConnectionStep = createStep(
  createAffiliateConnectionStepId,
  async (input: CreateAffiliateConnectionStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const emails = await findCustomerEmails(container, [input.customer_id])
    const connection = await service
      .createAffiliateConnections({
        affiliate_id: input.affiliate_id,
        customer_id: input.customer_id,
        customer_email: emails.get(input.customer_id) ?? null,
        source: input.source,
        created_by: input.created_by ?? null,
        metadata: input.metadata ?? null,
      })
      .catch(async (error: unknown) => {
        const [winner] = await service.listAffiliateConnections(
          { customer_id: input.customer_id, ended_at: null },
          { relations: ["affiliate"] }
        )
        if (!winner) {
          throw error
        }
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `customer_id: the customer is already connected to affiliate ${winner.affiliate.name} (${winner.affiliate.code})`
        )
      })

    return new StepResponse(connection, connection.id)
  },
  async (connectionId, { container }) => {
    if (!connectionId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateConnections(connectionId)
  }
)
