import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import {
  buildAdminFeedNotificationStep,
  type SendAdminFeedNotificationInput,
} from "../steps/build-admin-feed-notification"

export const sendAdminFeedNotificationWorkflowId = "send-affiliate-admin-feed-notification"

/**
 * Puts news a store owner acts on (a sign-up, a failed payout) in the
 * admin's notification bell, once per event: concurrent deliveries wait on
 * a lock of the idempotency key, and the Notification Module skips a key it
 * has sent.
 */
export const sendAdminFeedNotificationWorkflow = createWorkflow(
  sendAdminFeedNotificationWorkflowId,
  (input: WorkflowData<SendAdminFeedNotificationInput>) => {
    const notifications = buildAdminFeedNotificationStep(input)
    when("send-feed-entry", { notifications }, ({ notifications }) => notifications.length > 0).then(() => {
      const keys = transform({ notifications }, ({ notifications }) =>
        notifications.map((notification) => notification.idempotency_key!)
      )
      acquireLockStep({ key: keys, timeout: 30, ttl: 60 })
      sendNotificationsStep(notifications)
      releaseLockStep({ key: keys })
    })
    return new WorkflowResponse(void 0)
  }
)
