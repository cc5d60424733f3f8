import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { OrderAttributionDecision } from "./decide-order-attribution"

export type UpdateConnectionLifetimesStepInput = Pick<
  OrderAttributionDecision,
  "expired_connection_ids" | "connection_credit"
>

export const updateConnectionLifetimesStepId = "update-connection-lifetimes"

/** The message of the conflict a crediting fails with when a concurrent order took the connection's last order. */
export const CONNECTION_USED_UP_MESSAGE = "The connection's last order was credited by a concurrent order"

/**
 * Keeps connections to their program's lifetime when an order is credited,
 * before its commission is written: counts the order against the connection
 * it is credited through, the last order of an `orders` lifetime ending it,
 * and ends the ones found past their lifetime (reason `expired`; another
 * process may have ended some first). When a concurrent order of the same
 * customer took the connection's last order first, the count fails and so
 * does the crediting, writing nothing: run again, it decides without the
 * connection (see creditOrder). One step, as it runs on the crediting path.
 * Returns the connections it ended; compensation undoes both.
 */
export const updateConnectionLifetimesStep = createStep(
  updateConnectionLifetimesStepId,
  async (input: UpdateConnectionLifetimesStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const credit = input.connection_credit
      ? await service.recordConnectionCredit(input.connection_credit.connection_id, input.connection_credit.limit)
      : null
    if (credit && !credit.credited_orders) {
      throw new MedusaError(MedusaError.Types.CONFLICT, CONNECTION_USED_UP_MESSAGE)
    }
    const ended = await service.expireAffiliateConnections(input.expired_connection_ids)
    const endedNow = credit?.expired ? [...ended, input.connection_credit!.connection_id] : ended
    return new StepResponse(endedNow, {
      ended: endedNow,
      credited_connection_id: credit?.credited_orders ? input.connection_credit!.connection_id : null,
      credited_orders: credit?.credited_orders ?? 0,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    if (undo.credited_connection_id) {
      await service.updateAffiliateConnections({
        id: undo.credited_connection_id,
        credited_orders: undo.credited_orders - 1,
      })
    }
    await service.reopenExpiredConnections(undo.ended)
  }
)
