import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

type QuerySchema = Parameters<typeof validateAndTransformQuery>[0]
type QueryConfig = Parameters<typeof validateAndTransformQuery>[1]

/**
 * The fields of a `fields` query parameter that are not in `allowed`, read as
 * Medusa's FieldParser reads them: `+x` adds, `-x` removes, `*x` and `x.*`
 * ask for every property of the relation `x` (allowed only if `x` is); once
 * one field has no modifier the list replaces the defaults, and Medusa then
 * takes `-x` as asking for `x`.
 */
export function unlistedFields(fields: unknown, allowed: readonly string[]): string[] {
  if (typeof fields !== "string" && !Array.isArray(fields)) {
    return []
  }
  const requested = [fields].flat().join(",").split(",").filter(Boolean)
  const replacesDefaults = requested.some((field) => !/^[-+ *]|\.\*$/.test(field))
  return requested
    .filter((field) => replacesDefaults || !field.startsWith("-"))
    .map((field) => field.replace(/^[+ \t-]+/, "").trim())
    .filter((field) => !allowed.includes(field.replace(/(^\*|\.\*$)/, "")))
}

/**
 * validateAndTransformQuery, with a `fields` outside the route's `allowed`
 * list answered by a 400 that names them: Medusa drops such fields silently,
 * and a caller asking for a relation it may not fan out to should know.
 * `allowed` also keeps Medusa from resolving anything else.
 */
export function validateAndTransformAllowedQuery(
  schema: QuerySchema,
  config: QueryConfig & { allowed: string[] }
) {
  const validate = validateAndTransformQuery(schema, config)
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const unlisted = unlistedFields(req.query.fields, config.allowed)
    if (unlisted.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `fields: requested fields [${unlisted.join(", ")}] are not valid`
      )
    }
    await validate(req, res, next)
  }
}

/** `relation.name` for each name: the fields of a related record a route lets a caller ask for. */
export const fieldsOf = (relation: string, names: readonly string[]) =>
  names.map((name) => `${relation}.${name}`)

/** An affiliate's fields a commission or connection may show (not their payout details). */
export const AFFILIATE_SUMMARY_FIELDS = [
  "id",
  "name",
  "email",
  "code",
  "status",
  "commission_rate",
  "metadata",
  "customer_id",
  "program_id",
  "created_at",
  "updated_at",
]

/** A Medusa customer's fields our rows may show. */
export const CUSTOMER_SUMMARY_FIELDS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "has_account",
]
