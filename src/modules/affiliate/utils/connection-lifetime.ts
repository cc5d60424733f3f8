import type { ConnectionLifetimeDTO } from "../types"

import { addDays } from "./dates"

export type ConnectionTerm = {
  /** When a `days` lifetime ends the connection (ISO date); null otherwise. */
  expires_at: string | null
  /** Orders it still credits under an `orders` lifetime (never below 0); null otherwise. */
  orders_left: number | null
}

/**
 * What is left of a connection under its program's lifetime. An ended
 * connection, or one under `forever` (or with no value set), has no end to
 * show. The expiry job ends a connection at `expires_at` (within the hour it
 * runs) or once `orders_left` reaches 0.
 */
export function connectionTerm(
  connection: {
    created_at: Date | string
    credited_orders?: number | null
    ended_at?: Date | string | null
  },
  lifetime: ConnectionLifetimeDTO | null | undefined
): ConnectionTerm {
  const value = lifetime?.connection_lifetime_value
  if (connection.ended_at || value == null) {
    return { expires_at: null, orders_left: null }
  }
  if (lifetime!.connection_lifetime === "days") {
    return { expires_at: addDays(connection.created_at, value).toISOString(), orders_left: null }
  }
  if (lifetime!.connection_lifetime === "orders") {
    return {
      expires_at: null,
      orders_left: Math.max(0, value - (connection.credited_orders ?? 0)),
    }
  }
  return { expires_at: null, orders_left: null }
}
