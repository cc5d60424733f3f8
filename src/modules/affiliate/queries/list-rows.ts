import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The fields an admin list's rows can be read with in plain SQL, by table.
 * Money (bigNumber) columns are answered from their raw value, as the ORM
 * answers them; any field not listed here is read through query.graph.
 */
export const LIST_ROW_FIELDS = {
  affiliate_commission: {
    columns: [
      "id",
      "affiliate_id",
      "order_id",
      "order_display_id",
      "customer_id",
      "currency_code",
      "attribution",
      "status",
      "reason",
      "available_at",
      "program_id",
      "lines",
      "tier",
      "flag",
      "reassigned_to_id",
      "reassigned_from_id",
      "reassigned_by",
      "created_by",
      "note",
      "metadata",
      "created_at",
      "updated_at",
    ],
    money: ["base_amount", "rate", "amount"],
  },
  affiliate_connection: {
    columns: [
      "id",
      "affiliate_id",
      "customer_id",
      "source",
      "created_by",
      "ended_at",
      "ended_reason",
      "ended_by",
      "credited_orders",
      "metadata",
      "created_at",
      "updated_at",
    ],
    money: [],
  },
  affiliate: {
    columns: ["id", "name", "email", "code", "status", "customer_id", "program_id", "created_at", "updated_at"],
    money: [],
  },
  affiliate_commission_adjustment: {
    columns: ["id", "commission_id", "reason", "reference", "metadata", "created_at", "updated_at"],
    money: ["amount"],
  },
} as const

export type ListRowTable = keyof typeof LIST_ROW_FIELDS

/** The tables whose rows are listed with their affiliate. */
export type ListedTable = "affiliate_commission" | "affiliate_connection"

/** The fields to read: the row's own, and its affiliate's and adjustments' (a commission's) when asked. */
export type ListRowsSelect = {
  own: string[]
  affiliate?: string[]
  adjustments?: string[]
}

/** Whether a field of a table can be read in plain SQL. */
export const isListRowField = (table: ListRowTable, field: string) => {
  const { columns, money } = LIST_ROW_FIELDS[table]
  return (columns as readonly string[]).includes(field) || (money as readonly string[]).includes(field)
}

/**
 * The select list for a table's fields, aliased with `prefix`; a money field
 * reads its raw value (the exact amount the ORM would answer).
 */
export function listRowSelectList(table: ListRowTable, alias: string, fields: string[], prefix = "") {
  const { money } = LIST_ROW_FIELDS[table]
  return fields
    .filter((field) => isListRowField(table, field))
    .map((field) =>
      (money as readonly string[]).includes(field)
        ? { sql: `(??->>'value') as ??`, bindings: [`${alias}.raw_${field}`, `${prefix}${field}`] }
        : { sql: `?? as ??`, bindings: [`${alias}.${field}`, `${prefix}${field}`] }
    )
}

/** Money read as text turned into the number the ORM answers. */
export function withMoneyNumbers(table: ListRowTable, row: Record<string, unknown>) {
  for (const field of LIST_ROW_FIELDS[table].money) {
    if (typeof row[field] === "string") {
      row[field] = Number(row[field])
    }
  }
  return row
}

/** listRowsWithAffiliate's names for an adjustment's commission and for the affiliate's columns. */
const ADJUSTMENT_OWNER = "owner_commission_id"
const AFFILIATE_PREFIX = "affiliate__"

/** A row read with its affiliate's columns (prefixed) split into its own object. */
function withAffiliate(row: Record<string, unknown>) {
  const own: Record<string, unknown> = {}
  const affiliate: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(AFFILIATE_PREFIX)) {
      affiliate[key.slice(AFFILIATE_PREFIX.length)] = value
    } else {
      own[key] = value
    }
  }
  return { own, affiliate: affiliate.id == null ? null : affiliate }
}

/**
 * Commissions or connections by id with their affiliate (and a
 * commission's adjustments), as an admin list shows them: plain queries
 * side by side (the rows joined to their affiliate, and the adjustments)
 * instead of the ORM's one per relation and its entities, which were most
 * of a list page's time. Only the fields in LIST_ROW_FIELDS are read; rows
 * come back in no particular order.
 */
export async function listRowsWithAffiliate(
  knex: Knex,
  table: ListedTable,
  ids: string[],
  select: ListRowsSelect
): Promise<Record<string, unknown>[]> {
  if (!ids.length) {
    return []
  }
  const columns = (from: ListRowTable, alias: string, fields: string[], prefix?: string) =>
    listRowSelectList(from, alias, fields, prefix).map(({ sql, bindings }) => knex.raw(sql, bindings))
  const rowsQuery = knex(`${table} as r`)
    .select(columns(table, "r", select.own))
    .whereIn("r.id", ids)
    .whereNull("r.deleted_at")
  if (select.affiliate) {
    // A deleted affiliate reads as none, as the ORM's relation does.
    rowsQuery
      .select(columns("affiliate", "a", [...new Set(["id", ...select.affiliate])], AFFILIATE_PREFIX))
      .leftJoin("affiliate as a", (join: Knex.JoinClause) =>
        join.on("a.id", "r.affiliate_id").andOnNull("a.deleted_at")
      )
  }
  const adjustmentsQuery =
    select.adjustments && table === "affiliate_commission"
      ? knex("affiliate_commission_adjustment as j")
          .select(columns("affiliate_commission_adjustment", "j", select.adjustments))
          .select({ [ADJUSTMENT_OWNER]: "j.commission_id" })
          .whereIn("j.commission_id", ids)
          .whereNull("j.deleted_at")
          .orderBy(["j.created_at", "j.id"])
      : null
  const [rows, adjustments]: Record<string, unknown>[][] = await Promise.all([
    rowsQuery,
    adjustmentsQuery ?? [],
  ])

  const adjustmentsOf = new Map<unknown, Record<string, unknown>[]>()
  for (const { [ADJUSTMENT_OWNER]: owner, ...adjustment } of adjustments) {
    const ofCommission = adjustmentsOf.get(owner) ?? []
    ofCommission.push(withMoneyNumbers("affiliate_commission_adjustment", adjustment))
    adjustmentsOf.set(owner, ofCommission)
  }
  return rows.map((row) => {
    const { own, affiliate } = withAffiliate(row)
    if (select.affiliate) {
      own.affiliate = affiliate
    }
    if (adjustmentsQuery) {
      own.adjustments = adjustmentsOf.get(row.id) ?? []
    }
    return withMoneyNumbers(table, own)
  })
}
