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
