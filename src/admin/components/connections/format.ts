type NamedCustomer = {
  email: string
  first_name?: string | null
  last_name?: string | null
}

/** "First Last", or the email when the customer has no name. */
export const customerName = (customer: NamedCustomer) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") ||
  customer.email

/** "Dec 2, 2026, 3:04 PM": when something happened that day matters. */
export const formatDateTime = (value: string) =>
  new Date(value).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  })

export const formatDate = (value: string) =>
  new Date(value).toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
  })

/**
 * When a live connection stops crediting its affiliate (its program's
 * connection lifetime): "Jan 5, 2027", "2 orders left" or "Never".
 */
export const formatConnectionExpiry = (connection: {
  expires_at?: string | null
  orders_left?: number | null
}) => {
  if (connection.expires_at) {
    return formatDate(connection.expires_at)
  }
  if (connection.orders_left !== null && connection.orders_left !== undefined) {
    return `${connection.orders_left} ${connection.orders_left === 1 ? "order" : "orders"} left`
  }
  return "Never"
}
