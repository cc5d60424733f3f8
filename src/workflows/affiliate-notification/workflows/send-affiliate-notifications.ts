import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsOnce } from "../../utils/send-notifications-once"
import {
  buildAffiliateNotificationsStep,
  type BuildAffiliateNotificationsStepInput,
} from "../steps/build-affiliate-notifications"

export type SendAffiliateNotificationsWorkflowInput = BuildAffiliateNotificationsStepInput

export const sendAffiliateNotificationsWorkflowId = "send-affiliate-notifications"

/**
 * Tells people what happened through Medusa's Notification Module (the
 * store's email provider sends it): the affiliate when approved, when a
 * commission is earned or paid; the store owner when an affiliate signs up.
 * Once per notice, however often its event arrives: the Notification Module
 * skips an idempotency key it has already sent, and a lock on the keys makes
 * concurrent deliveries wait for the first instead of racing it to the
 * module's unique index. Returns the notifications sent by this run.
 */
export const sendAffiliateNotificationsWorkflow = createWorkflow(
  sendAffiliateNotificationsWorkflowId,
  (input: WorkflowData<SendAffiliateNotificationsWorkflowInput>) => {
    const notifications = buildAffiliateNotificationsStep(input)

    const sent = sendNotificationsOnce("send-built-notifications", notifications)

    return new WorkflowResponse(
      transform({ sent }, ({ sent }) => (sent ?? []).map((notification) => notification.id))
    )
  }
)
