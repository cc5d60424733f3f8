import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import {
  checkEmail,
  EMAIL_MAX_LENGTH,
  invalidEmailMessage,
} from "../../modules/affiliate/utils/email"

/**
 * Limits on what a request may carry, shared by the admin and store
 * validators. Every value comes from a stranger: a bound here is what keeps a
 * request from costing the store more than a page of work.
 */

/** The most rows one list request returns. */
export const LIST_LIMIT_MAX = 100
export { EMAIL_MAX_LENGTH }
export const NAME_MAX_LENGTH = 200
export const ID_MAX_LENGTH = 100
export const SEARCH_MAX_LENGTH = 200
/** Filters that take a list of values take at most this many. */
export const FILTER_VALUES_MAX = 100

export const METADATA_MAX_DEPTH = 5
export const METADATA_MAX_BYTES = 8 * 1024
export const METADATA_MAX_KEY_LENGTH = 100

/**
 * `limit`, `offset` and `order` for a list: `limit` from 1 to LIST_LIMIT_MAX,
 * `offset` from 0, and `order` one of `orderFields` (`-` for descending); a
 * list without `orderFields` has a fixed order and takes none.
 */
export function createListParams({
  limit = 20,
  orderFields = [],
}: { limit?: number; orderFields?: readonly string[] } = {}) {
  const orders = orderFields.flatMap((field) => [field, `-${field}`])
  return createFindParams({ limit, offset: 0 }).extend({
    limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(limit),
    offset: z.coerce.number().int().min(0).default(0),
    order: orders.length
      ? z.enum(orders as [string, ...string[]]).optional()
      : z
          .string()
          .refine(() => false, { error: "order: this list has a fixed order, newest first" })
          .optional(),
  })
}

/**
 * An email address, answered in its normalized form (see `checkEmail`); a
 * refused one is a 400 naming `field` and saying why.
 */
export const emailParam = (field: string) =>
  z.string({ error: `${field} must be an email address` }).transform((given, ctx) => {
    const checked = checkEmail(given)
    if (!checked.valid) {
      ctx.addIssue({ code: "custom", message: invalidEmailMessage(field, given, checked.problem) })
      return z.NEVER
    }
    return checked.email
  })

// C0 control characters and DEL. PostgreSQL refuses NUL in text (a 500 once
// it reaches a query); the others hide in logs, exports and the admin.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/
const CONTROL_CHARACTER_BUT_NEWLINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/**
 * A refinement refusing control characters with a 400 naming `field`:
 * `schema.refine(...withoutControlCharacters("name"))`. `multiline` text
 * (notes, instructions) may hold line breaks and tabs.
 */
export const withoutControlCharacters = (field: string, { multiline = false } = {}) =>
  [
    (text: string) => !(multiline ? CONTROL_CHARACTER_BUT_NEWLINE : CONTROL_CHARACTER).test(text),
    { error: `${field} must not contain control characters` },
  ] as const

/** Text from a stranger, trimmed unless told, without control characters. Chain bounds after it. */
export const plainText = (
  field: string,
  { multiline = false, trim = true }: { multiline?: boolean; trim?: boolean } = {}
) =>
  (trim ? z.string().trim() : z.string()).refine(...withoutControlCharacters(field, { multiline }))

/** An affiliate's referral code as a shopper's link or storefront sends it. */
export const referralCodeParam = z
  .string({ error: "code is required: the affiliate's referral code" })
  .trim()
  .min(1, { error: "code is required: the affiliate's referral code" })
  .max(64, { error: "code is too long" })
  // A NUL byte would otherwise reach PostgreSQL, which refuses it (a 500).
  .refine(...withoutControlCharacters("code"))

/** A web address a person gives (their website): http or https, at most 500 characters, or null to clear it. */
export const websiteParam = z
  .url({ protocol: /^https?$/, error: "website must be an http or https address, like https://example.com" })
  .max(500, { error: "website is at most 500 characters" })
  .nullable()

/** A search term, as typed. */
export const searchParam = plainText("q", { trim: false }).max(SEARCH_MAX_LENGTH).optional()

/**
 * A filter value out of `values`. Not z.enum: inside a list filter, Medusa's
 * message for a wrong value says the field is missing; this one names the
 * values allowed.
 */
export const enumParam = <T extends string>(name: string, values: readonly T[]) =>
  z
    .string()
    .refine((value) => (values as readonly string[]).includes(value), {
      error: `${name} must be one of ${values.join(", ")}`,
    })
    .transform((value) => value as T)

/** A filter given once (`?status=a`) or repeated (`?status[]=a&status[]=b`), as a list. */
export const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z.array(schema).max(FILTER_VALUES_MAX)
    )
    .optional()

export const idParam = z.string().max(ID_MAX_LENGTH)

const DATE_OPERATORS = ["$gt", "$gte", "$lt", "$lte"] as const
type DateOperator = (typeof DATE_OPERATORS)[number]

/**
 * A date range filter (`created_at[$gte]=2026-01-01`): the comparison
 * operators only, each with a date, passed on as ISO timestamps. Anything
 * else would reach the database as is ($re, $like, a text it cannot read).
 */
export const dateRangeFilter = (field: string) =>
  z
    .record(z.string(), z.unknown(), {
      error: `${field} must be a range such as ${field}[$gte]=2026-01-01`,
    })
    .transform((range, ctx) => {
      const parsed: Partial<Record<DateOperator, string>> = {}
      for (const [operator, value] of Object.entries(range)) {
        if (!DATE_OPERATORS.includes(operator as DateOperator)) {
          ctx.addIssue({
            code: "custom",
            message: `${field}: unknown operator ${operator}; use ${DATE_OPERATORS.join(", ")}`,
          })
          return z.NEVER
        }
        // A date and time in ISO 8601 (what the admin sends); Date.parse alone takes "1".
        const date =
          typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : null
        if (!date || Number.isNaN(date.getTime())) {
          ctx.addIssue({
            code: "custom",
            message: `${field}[${operator}] must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z`,
          })
          return z.NEVER
        }
        parsed[operator as DateOperator] = date.toISOString()
      }
      return parsed
    })
    .optional()

/**
 * What is wrong with a metadata object, if anything: nesting, key length and
 * size are bounded, so a request cannot make the store parse, store and
 * return an arbitrarily deep or large document. Read level by level (no
 * recursion: a body 4,000 levels deep must not overflow the stack).
 */
function metadataProblem(metadata: Record<string, unknown>): string | undefined {
  let level: unknown[] = [metadata]
  for (let depth = 1; level.length; depth++) {
    const containers = level.filter(
      (value): value is object => typeof value === "object" && value !== null
    )
    if (!containers.length) {
      break
    }
    if (depth > METADATA_MAX_DEPTH) {
      return `metadata can be nested at most ${METADATA_MAX_DEPTH} levels deep`
    }
    const longKey = containers
      .flatMap((container) => Object.keys(container))
      .find((key) => key.length > METADATA_MAX_KEY_LENGTH)
    if (longKey !== undefined) {
      return `metadata keys are at most ${METADATA_MAX_KEY_LENGTH} characters`
    }
    level = containers.flatMap((container) => Object.values(container))
  }
  if (Buffer.byteLength(JSON.stringify(metadata)) > METADATA_MAX_BYTES) {
    return `metadata is at most ${METADATA_MAX_BYTES / 1024} kB as JSON`
  }
  return undefined
}

/** A metadata object within the bounds above; null clears it. */
export const metadataParam = z
  .record(z.string(), z.unknown())
  .superRefine((metadata, ctx) => {
    const problem = metadataProblem(metadata)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })
  .nullable()
  .optional()
