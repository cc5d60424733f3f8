import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { expireLapsedConnectionsStep } from "../steps/expire-lapsed-connections"

export const expireAffiliateConnectionsWorkflowId = "expire-affiliate-connections"

/** Held while connections are expired: one run at a time, whatever the number of workers. */
export const EXPIRE_CONNECTIONS_LOCK_KEY = "affiliate-expire-connections"

/**
 * Ends every live connection whose program's lifetime is over: created more
 * than the program's days ago (`days`), or with the program's number of
 * orders credited through it (`orders`). Connections of affiliates without a
 * program follow the default program. Emits `affiliate_connection.expired`
 * for each ended connection. Run hourly by the `affiliate-expire-connections`
 * job; running it again ends nothing twice.
 */
export const expireAffiliateConnectionsWorkflow = createWorkflow(
  expireAffiliateConnectionsWorkflowId,
  () => {
    acquireLockStep({ key: EXPIRE_CONNECTIONS_LOCK_KEY, timeout: 0, ttl: 600 })
    const ids = expireLapsedConnectionsStep()
    emitEventStep({
      eventName: AffiliateEvents.CONNECTION_EXPIRED,
      data: transform({ ids }, ({ ids }) => ids.map((id) => ({ id }))),
    })
    releaseLockStep({ key: EXPIRE_CONNECTIONS_LOCK_KEY })
    return new WorkflowResponse(ids)
  }
)
