import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"

/**
 * Inside a workflow's composition: sends `notifications`, if any, once per
 * idempotency key however often the workflow runs. The Notification Module
 * skips a key it has already sent, and a lock on the keys makes concurrent
 * runs wait for the first instead of racing it to the module's unique
 * index. `name` names the condition in the workflow. Returns what was sent
 * (undefined when there was nothing to send).
 */
export function sendNotificationsOnce(name: string, notifications: WorkflowData<CreateNotificationDTO[]>) {
  return when(name, { notifications }, ({ notifications }) => notifications.length > 0).then(() => {
    const lockKeys = transform({ notifications }, ({ notifications }) =>
      notifications.map((notification) => notification.idempotency_key!)
    )
    acquireLockStep({ key: lockKeys, timeout: 30, ttl: 60 })
    const sent = sendNotificationsStep(notifications)
    releaseLockStep({ key: lockKeys })
    return sent
  })
}
