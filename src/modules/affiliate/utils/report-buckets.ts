export const REPORT_INTERVALS = ["day", "week", "month"] as const
export type ReportInterval = (typeof REPORT_INTERVALS)[number]

/** The most points one report has: a longer range takes a longer interval. */
export const MAX_REPORT_POINTS = 1000

const DAY_MS = 24 * 60 * 60 * 1000

/** The start of the UTC day, ISO week (Monday, as PostgreSQL's date_trunc) or month holding `date`. */
export function bucketStart(date: Date, interval: ReportInterval): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  if (interval === "week") {
    return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS)
  }
  if (interval === "month") {
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1))
  }
  return day
}

function next(start: Date, interval: ReportInterval): Date {
  if (interval === "month") {
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
  }
  return new Date(start.getTime() + (interval === "week" ? 7 : 1) * DAY_MS)
}

/** Every interval's start from the one holding `from` to the last before `until`, empty ones included. */
export function reportBuckets(from: Date, until: Date, interval: ReportInterval): Date[] {
  const buckets: Date[] = []
  for (let start = bucketStart(from, interval); start < until; start = next(start, interval)) {
    buckets.push(start)
  }
  return buckets
}
