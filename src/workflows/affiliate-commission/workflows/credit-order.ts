import type { MedusaContainer } from "@medusajs/framework/types"
import {
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
import { connectReferredCustomerStep } from "../steps/connect-referred-customer"
import { createCommissionStep } from "../steps/create-commission"
import { decideOrderAttributionStep } from "../steps/decide-order-attribution"
import {
  CONNECTION_USED_UP_MESSAGE,
  updateConnectionLifetimesStep,
} from "../steps/update-connection-lifetimes"
import { recordOrderAttributionStep } from "../steps/record-order-attribution"
import { recordRefundAdjustmentsStep } from "../steps/record-refund-adjustments"

export type CreditOrderWorkflowInput = { order_id: string }

export const creditOrderWorkflowId = "credit-order"

/**
 * Credits an order to the affiliate it is attributed to, once: running it
 * again for the same order (a repeated or concurrent `order.placed`, the
 * reconciliation job) changes nothing. Only placed orders are credited: a
 * draft (or deleted) order is skipped with the outcome `not_placed` and
 * nothing recorded, so it is credited once converted. A late credit takes
 * what happened since into account: a canceled order's commission is
 * rejected, a refunded one is reduced by its refunds. The commission follows
 * the affiliate's program (rules per line, tiers, self-referral policy); a
 * connection past its program's lifetime is ended, and an order credited
 * through one is counted against it. Emits `affiliate_commission.created`
 * and `affiliate_connection.expired`.
 */
export const creditOrderWorkflow = createWorkflow(
  creditOrderWorkflowId,
  (input: WorkflowData<CreditOrderWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate-credit:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    const { already_decided, not_placed, decision } = decideOrderAttributionStep(input)

    const recorded = when(
      "record-new-decision",
      { already_decided, not_placed },
      ({ already_decided, not_placed }) => !already_decided && !not_placed
    ).then(() => recordOrderAttributionStep(decision!))

    // Before the commission, so a connection whose last order a concurrent
    // order took fails the crediting before anything is written; before any
    // auto-connect, as an expired connection frees its customer.
    when(
      "update-connection-lifetimes",
      { recorded, decision },
      ({ recorded, decision }) =>
        !!recorded?.recorded &&
        (!!decision?.expired_connection_ids.length || !!decision?.connection_credit)
    ).then(() => {
      const ended = updateConnectionLifetimesStep(
        transform({ decision }, ({ decision }) => ({
          expired_connection_ids: decision!.expired_connection_ids,
          connection_credit: decision!.connection_credit,
        }))
      )
      emitEventStep({
        eventName: AffiliateEvents.CONNECTION_EXPIRED,
        data: transform({ ended }, ({ ended }) => ended.map((id) => ({ id }))),
      }).config({ name: "emit-connections-expired" })
    })

    const commission = when(
      "create-commission-for-decision",
      { recorded, decision },
      ({ recorded, decision }) => !!recorded?.recorded && !!decision?.commission
    ).then(() => {
      const created = createCommissionStep(
        transform({ decision }, ({ decision }) => decision!.commission!)
      )
      emitEventStep({
        eventName: AffiliateEvents.COMMISSION_CREATED,
        data: transform({ created }, ({ created }) => ({ id: created.id })),
      }).config({ name: "emit-commission-created" })
      return created
    })

    // Refunds made before the order was credited (a lost `order.placed`).
    when(
      "record-earlier-refunds",
      { commission, decision },
      ({ commission, decision }) =>
        !!commission && !!decision?.has_refunds && decision.commission?.status !== "rejected"
    ).then(() => {
      recordRefundAdjustmentsStep(input)
    })

    when(
      "auto-connect-referred-customer",
      { recorded, decision },
      ({ recorded, decision }) => !!recorded?.recorded && !!decision?.connect_customer
    ).then(() => {
      const connected = connectReferredCustomerStep(
        transform({ decision }, ({ decision }) => ({
          affiliate_id: decision!.affiliate_id!,
          customer_id: decision!.customer_id!,
          customer_email: decision!.customer_email,
        }))
      )
      emitEventStep({
        eventName: AffiliateEvents.CONNECTION_CREATED,
        data: transform({ connected }, ({ connected }) =>
          connected.connection_id ? [{ id: connected.connection_id }] : []
        ),
      }).config({ name: "emit-referral-connection-created" })
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ decision, commission, already_decided, not_placed }, (data) => ({
        already_decided: data.already_decided,
        outcome: data.not_placed ? ("not_placed" as const) : (data.decision?.outcome ?? null),
        commission_id: data.commission?.id ?? null,
      }))
    )
  }
)

/**
 * Credits an order (see creditOrderWorkflow), running the workflow once more
 * when it failed because a concurrent order of the same customer took their
 * connection's last order: the failed run wrote nothing, and the second one
 * decides without the connection.
 */
export async function creditOrder(container: MedusaContainer, orderId: string) {
  const run = () => creditOrderWorkflow(container).run({ input: { order_id: orderId } })
  try {
    return await run()
  } catch (error) {
    if ((error as { message?: unknown } | null)?.message !== CONNECTION_USED_UP_MESSAGE) {
      throw error
    }
    return await run()
  }
}
