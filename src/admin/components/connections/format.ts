type NamedCustomer = {
  email: string
  first_name?: string | null
  last_name?: string | null
}

/** "First Last", or the email when the customer has no name. */
export const customerName = (customer: NamedCustomer) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") ||
  customer.email

export const formatDate = (value: string) =>
  new Date(value).toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
  })
