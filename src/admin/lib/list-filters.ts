/**
 * Reading a list's filters, as the URL holds them, into a list route's query:
 * a value that is not one the filter offers (a link edited by hand) is left out.
 */

/** The picked values among `allowed`; undefined when none are. */
export const pickedValues = <T extends string>(allowed: readonly T[], value: unknown) => {
  const picked = Array.isArray(value)
    ? allowed.filter((candidate) => value.includes(candidate))
    : []
  return picked.length ? picked : undefined
}

/** A single-choice filter's value, when it is one of `allowed`. */
export const pickedValue = <T extends string>(allowed: readonly T[], value: unknown) =>
  allowed.find((candidate) => candidate === value)

/** The ids picked in a filter of records (affiliates); undefined when none are. */
export const pickedIds = (value: unknown) =>
  Array.isArray(value) && value.length ? value.map(String) : undefined

type DateRange = { $gte?: string; $lte?: string }

/** A date filter's range ("Last 7 days", or a custom one); undefined when unset. */
export const pickedDateRange = (value: unknown): DateRange | undefined => {
  if (typeof value !== "object" || value === null) {
    return undefined
  }
  const range: DateRange = {}
  for (const bound of ["$gte", "$lte"] as const) {
    const date: unknown = Reflect.get(value, bound)
    if (typeof date === "string") {
      range[bound] = date
    }
  }
  return Object.keys(range).length ? range : undefined
}
