const DAY_MS = 24 * 60 * 60 * 1000

/** `days` whole days of 24 hours after `from`: holds, connection lifetimes, referral windows. */
export function addDays(from: Date | string | number, days: number): Date {
  return new Date(new Date(from).getTime() + days * DAY_MS)
}
