import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import type { ConnectionSource } from "../../../modules/affiliate/models/affiliate-connection"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"
import { createAffiliateConnectionStep } from "../steps/create-affiliate-connection"
import { createConnectionCustomerStep } from "../steps/create-connection-customer"
import { decideConnectionSourceStep } from "../steps/decide-connection-source"
import { endPreviousConnectionStep } from "../steps/end-previous-connection"
import { findCustomerByEmailStep } from "../steps/find-customer-by-email"
import { validateAffiliateConnectionStep } from "../steps/validate-affiliate-connection"

export type NewConnectionCustomer = {
  email: string
  first_name?: string | null
  last_name?: string | null
}

export type CreateAffiliateConnectionWorkflowInput = {
  affiliate_id: string
  /** An existing customer, or… */
  customer_id?: string
  /** …a customer found by email, or created when there is none. */
  customer?: NewConnectionCustomer
  /** Move a customer who already has another affiliate. */
  replace?: boolean
  source: ConnectionSource
  created_by?: string | null
  metadata?: Record<string, unknown> | null
}

export const createAffiliateConnectionWorkflowId = "create-affiliate-connection"

/**
 * Connects a customer to an affiliate, so that every future order of the
 * customer credits the affiliate. The customer is an existing one or one made
 * from an email (removed again if the connection then fails). Emits
 * `affiliate_connection.created`.
 *
 * @property hooks.affiliateConnectionCreated - runs after the connection is created.
 */
export const createAffiliateConnectionWorkflow = createWorkflow(
  createAffiliateConnectionWorkflowId,
  (input: WorkflowData<CreateAffiliateConnectionWorkflowInput>) => {
    validateAffiliateConnectionStep(
      transform({ input }, ({ input }) => ({
        affiliate_id: input.affiliate_id,
        customer_id: input.customer_id,
        customer_email: input.customer?.email,
      }))
    )

    // Connecting by email is find-or-create: requests for one new email take
    // turns, so the second finds the customer the first made (and gets a 409)
    // instead of making another. Taken before the customer is created, the
    // lock is released only after a failed request has removed its customer.
    // (No lock when connecting by id: the step then does nothing. A lock step
    // inside `when` would not be released by compensation.)
    const emailLockKeys = transform({ input }, ({ input }) =>
      input.customer_id || !input.customer
        ? []
        : [`affiliate-connection-email:${normalizeEmail(input.customer.email)}`]
    )
    acquireLockStep({ key: emailLockKeys, timeout: 30, ttl: 60 }).config({
      name: "acquire-customer-email-lock",
    })

    const found = findCustomerByEmailStep(
      transform({ input }, ({ input }) => ({
        email: input.customer_id ? undefined : input.customer?.email,
      }))
    )
    const created = when(
      "create-customer-for-connection",
      { input, found },
      ({ input, found }) => !input.customer_id && !found
    ).then(() =>
      createConnectionCustomerStep(
        transform({ input }, ({ input }) => ({
          ...input.customer!,
          created_by: input.created_by ?? null,
        }))
      )
    )

    const customerId = transform(
      { input, found, created },
      ({ input, found, created }) => input.customer_id ?? found?.id ?? created!.id
    )
    const lockKey = transform(
      { customerId },
      ({ customerId }) => `affiliate-connection:${customerId}`
    )

    const source = decideConnectionSourceStep({
      affiliate_id: input.affiliate_id,
      customer_id: customerId,
      requested: input.source,
    })

    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    endPreviousConnectionStep({
      customer_id: customerId,
      affiliate_id: input.affiliate_id,
      replace: input.replace,
      ended_by: input.created_by,
    })
    const connection = createAffiliateConnectionStep({
      affiliate_id: input.affiliate_id,
      customer_id: customerId,
      source,
      created_by: input.created_by,
      metadata: input.metadata,
    })
    releaseLockStep({ key: lockKey })
    releaseLockStep({ key: emailLockKeys }).config({ name: "release-customer-email-lock" })

    emitEventStep({
      eventName: AffiliateEvents.CONNECTION_CREATED,
      data: transform({ connection }, ({ connection }) => ({ id: connection.id })),
    })

    const affiliateConnectionCreated = createHook("affiliateConnectionCreated", {
      connection,
    })

    return new WorkflowResponse(connection, {
      hooks: [affiliateConnectionCreated],
    })
  }
)
