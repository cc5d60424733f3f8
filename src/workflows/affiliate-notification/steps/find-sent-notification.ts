import { Modules, NotificationStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type FindSentNotificationStepInput = {
  trigger_type: string
  resource_id: string
}

export const findSentNotificationStepId = "find-sent-notification"

/**
 * Whether a notification of this trigger and resource went out (or is going
 * out). One that failed does not count: sending it again is a retry.
 */
export const findSentNotificationStep = createStep(
  findSentNotificationStepId,
  async (input: FindSentNotificationStepInput, { container }) => {
    const notifications = await container
      .resolve(Modules.NOTIFICATION)
      .listNotifications(
        { trigger_type: input.trigger_type, resource_id: input.resource_id },
        { select: ["id", "status"] }
      )
    return new StepResponse(
      notifications.some((notification) => notification.status !== NotificationStatus.FAILURE)
    )
  }
)
