import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"

/**
 * How long a test waits for an event's subscribers. The wait starts before
 * the request that causes the event, so it spans a whole checkout too; on a
 * shared CI machine that can take far longer than Medusa's default 15 s.
 */
const SUBSCRIBERS_TIMEOUT_MS = 60_000

/** Runs `request` and waits until every subscriber of `event` has run. */
export async function waitForSubscribers<T>(
  container: MedusaContainer,
  event: string,
  request: () => Promise<T>
): Promise<T> {
  const handled = TestEventUtils.waitSubscribersExecution(event, container.resolve(Modules.EVENT_BUS), {
    timeout: SUBSCRIBERS_TIMEOUT_MS,
  })
  const result = await request()
  await handled
  return result
}

type EmittedEvent = { name: string; data: unknown }

/** Per event bus, the lists of the captures recording now: the bus is wrapped once. */
const recorders = new WeakMap<object, Set<EmittedEvent[]>>()

/**
 * Records the events emitted through the event bus (they are still delivered),
 * so a test can assert what a store's subscribers would receive. The bus is
 * wrapped once per app, however many suites of a file capture: wrapping the
 * wrapper again would call itself.
 */
export function captureEvents(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  let lists = recorders.get(eventBus)
  if (!lists) {
    const recording = new Set<EmittedEvent[]>()
    const original = eventBus.emit.bind(eventBus)
    jest.spyOn(eventBus, "emit").mockImplementation(async (...args: Parameters<typeof eventBus.emit>) => {
      for (const event of [args[0]].flat()) {
        recording.forEach((list) => list.push({ name: event.name, data: event.data }))
      }
      return original(...args)
    })
    recorders.set(eventBus, recording)
    lists = recording
  }
  const emitted: EmittedEvent[] = []
  lists.add(emitted)

  return {
    named: (name: string) => emitted.filter((event) => event.name === name),
    restore: () => lists.delete(emitted),
  }
}
