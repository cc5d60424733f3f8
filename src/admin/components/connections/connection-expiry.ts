import type { ConnectionExpiry } from "../../hooks/api/affiliate-connections"
import { formatDate, plural } from "../../lib/format"

/**
 * When a live connection stops crediting its affiliate (its program's
 * connection lifetime): "Jan 5, 2027", "2 orders left" or "Never".
 */
export const formatConnectionExpiry = (connection: ConnectionExpiry) => {
  if (connection.expires_at) {
    return formatDate(connection.expires_at)
  }
  if (connection.orders_left !== null && connection.orders_left !== undefined) {
    return `${plural(connection.orders_left, "order", "orders")} left`
  }
  return "Never"
}
