import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type EmittedEvent = { name: string; data: unknown }

/**
 * Records the events emitted through the event bus (they are still delivered),
 * so a test can assert what a store's subscribers would receive.
 */
export function captureEvents(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const emitted: EmittedEvent[] = []
  const original = eventBus.emit.bind(eventBus)
  const spy = jest
    .spyOn(eventBus, "emit")
    .mockImplementation(async (...args: Parameters<typeof eventBus.emit>) => {
      for (const event of [args[0]].flat()) {
        emitted.push({ name: event.name, data: event.data })
      }
      return original(...args)
    })

  return {
    named: (name: string) => emitted.filter((event) => event.name === name),
    restore: () => spy.mockRestore(),
  }
}
