import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsOnce } from "../../utils/send-notifications-once"
import {
  buildAdminFeedNotificationStep,
  type SendAdminFeedNotificationInput,
} from "../steps/build-admin-feed-notification"

export const sendAdminFeedNotificationWorkflowId = "send-affiliate-admin-feed-notification"

/**
 * Puts news a store owner acts on (a sign-up, a failed payout) in the
 * admin's notification bell, once per event (see sendNotificationsOnce).
 */
export const sendAdminFeedNotificationWorkflow = createWorkflow(
  sendAdminFeedNotificationWorkflowId,
  (input: WorkflowData<SendAdminFeedNotificationInput>) => {
    const notifications = buildAdminFeedNotificationStep(input)
    sendNotificationsOnce("send-feed-entry", notifications)
    return new WorkflowResponse(void 0)
  }
)
