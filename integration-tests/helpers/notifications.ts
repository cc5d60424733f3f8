import type { SubscriberArgs } from "@medusajs/framework"
import type { MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { waitForSubscribers } from "./events"

/** The email notifications the Notification Module recorded, oldest first. */
export function emailsSent(
  container: MedusaContainer,
  filters: { template?: string; resource_id?: string; trigger_type?: string; to?: string } = {}
): Promise<NotificationDTO[]> {
  return container
    .resolve(Modules.NOTIFICATION)
    .listNotifications({ channel: "email", ...filters }, { order: { created_at: "ASC" } })
}

/**
 * What Medusa's local provider was asked to send: it "sends" by logging one
 * line per notification, so counting those lines counts deliveries, not rows.
 */
export function captureLocalProviderSends(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const spy = jest.spyOn(logger, "info")
  const sends = () =>
    spy.mock.calls
      .map(([message]) => String(message))
      .filter((message) => message.startsWith("Attempting to send a notification to:"))
  return {
    /** The lines of sends to `to` with `template`. */
    to: (to: string, template: string) =>
      sends().filter(
        (message) => message.includes(`to: '${to}'`) && message.includes(`template: '${template}'`)
      ),
    restore: () => spy.mockRestore(),
  }
}

type Handler = (args: SubscriberArgs<{ id: string }>) => Promise<void>

/**
 * Delivers an event again, twice at once: through the event bus (waiting for
 * all its subscribers) and straight to `handler`, as a second worker would.
 * (Medusa's wait helper cannot count several deliveries to several
 * subscribers, so the second delivery does not go through the bus.)
 */
export async function redeliver(
  container: MedusaContainer,
  handler: Handler,
  name: string,
  data: { id: string }
) {
  await Promise.all([
    waitForSubscribers(container, name, () => container.resolve(Modules.EVENT_BUS).emit({ name, data })),
    handler({ event: { name, data }, container, pluginOptions: {} }),
  ])
}
