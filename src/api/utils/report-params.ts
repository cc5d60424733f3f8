import { z } from "@medusajs/framework/zod"
import {
  MAX_REPORT_POINTS,
  REPORT_INTERVALS,
  type ReportInterval,
  reportBuckets,
} from "../../modules/affiliate/utils/report-buckets"
import { enumParam } from "./validators"

const DAY_MS = 24 * 60 * 60 * 1000
/** Without a range: the last 30 days, today included. */
const DEFAULT_DAYS = 30

/** A UTC calendar day, as `2026-12-01`. */
const dayParam = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${field} must be a date, like 2026-12-01` })
    .transform((value, context) => {
      const date = new Date(`${value}T00:00:00.000Z`)
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        context.addIssue({ code: "custom", message: `${field} is not a date of the calendar: ${value}` })
        return z.NEVER
      }
      return date
    })

/** What every report takes: a range of UTC days, an interval, a currency. */
export const reportRangeFields = {
  from: dayParam("from").optional(),
  /** The range's last day, included. */
  to: dayParam("to").optional(),
  interval: enumParam("interval", REPORT_INTERVALS).default("day"),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, { error: "currency_code must be a three-letter code, like eur" })
    .transform((code) => code.toLowerCase())
    .optional(),
}

type RangeParams = { from?: Date; to?: Date; interval: ReportInterval }

/** The range as the queries take it: UTC days from `from` until the day after `to`, checked. */
export function toRange<T extends RangeParams>(params: T, context: z.RefinementCtx) {
  const to = params.to ?? new Date(new Date().toISOString().slice(0, 10))
  const from = params.from ?? new Date(to.getTime() - (DEFAULT_DAYS - 1) * DAY_MS)
  const until = new Date(to.getTime() + DAY_MS)
  if (from > to) {
    context.addIssue({ code: "custom", message: "from must not be after to" })
    return z.NEVER
  }
  if (reportBuckets(from, until, params.interval).length > MAX_REPORT_POINTS) {
    context.addIssue({
      code: "custom",
      message: `The range has more than ${MAX_REPORT_POINTS} points by ${params.interval}: choose a longer interval or a shorter range`,
    })
    return z.NEVER
  }
  return { ...params, from, until }
}
