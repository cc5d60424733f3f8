import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * `medusa exec emit-events.ts <event> <id>…` emits `<event> { id }` once per
 * id through the Redis event bus, as Medusa would on a redelivery: the
 * workers handle them (exec itself runs as a server, which handles none).
 */
export default async function emitEvents({ container, args }: ExecArgs) {
  const [name, ...ids] = args
  await container.resolve(Modules.EVENT_BUS).emit(ids.map((id) => ({ name, data: { id } })))
}
