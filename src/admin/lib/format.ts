/**
 * How the admin writes dates, money, rates and names: one way everywhere, so
 * the same value reads the same on every page.
 */

/** "Dec 2, 2026". */
export const formatDate = (value: string) =>
  new Date(value).toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
  })

/** "Dec 2, 2026, 3:04 PM": when something happened that day matters. */
export const formatDateTime = (value: string) =>
  new Date(value).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  })

/** An amount in the currency's major units, as the admin's locale writes it. */
export const formatMoney = (amount: number, currencyCode: string) =>
  new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount)

export type MoneyAmount = { amount: number; currency_code: string }

/** "€12.00, $4.00": one amount per currency; "" when there is none. */
export const formatMoneyList = (amounts: MoneyAmount[]) =>
  amounts.map(({ amount, currency_code }) => formatMoney(amount, currency_code)).join(", ")

/** The same, from amounts keyed by currency code (a program's or a rule's). */
export const formatAmounts = (amounts: Record<string, number> | null) =>
  formatMoneyList(
    Object.entries(amounts ?? {}).map(([currency_code, amount]) => ({ amount, currency_code }))
  )

/** A commission rate in percent: "12.5%". */
export const formatRate = (rate: number) => `${rate}%`

/** "1 order", "3 orders". */
export const plural = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? one : many}`

type Person = {
  email: string
  first_name?: string | null
  last_name?: string | null
}

/** "First Last", or the email of someone without a name (customers, admin users). */
export const personName = (person: Person) =>
  [person.first_name, person.last_name].filter(Boolean).join(" ") || person.email
