/**
 * The fields a page of the ledger can be read with in plain SQL, by table.
 * Money (bigNumber) columns are answered from their raw value, as the ORM
 * answers them; any field not listed here is read through query.graph.
 */
export const LEDGER_ROW_FIELDS = {
  commission: {
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
  affiliate: {
    columns: ["id", "name", "email", "code", "status", "customer_id", "program_id", "created_at", "updated_at"],
    money: [],
  },
  adjustments: {
    columns: ["id", "commission_id", "reason", "reference", "metadata", "created_at", "updated_at"],
    money: ["amount"],
  },
} as const

export type LedgerRowTable = keyof typeof LEDGER_ROW_FIELDS

/** The fields of each table to read; `affiliate` and `adjustments` only when asked. */
export type LedgerRowSelect = {
  commission: string[]
  affiliate?: string[]
  adjustments?: string[]
}

/** Whether a field of a table can be read in plain SQL. */
export const isLedgerRowField = (table: LedgerRowTable, field: string) => {
  const { columns, money } = LEDGER_ROW_FIELDS[table]
  return (columns as readonly string[]).includes(field) || (money as readonly string[]).includes(field)
}

/**
 * The select list for a table's fields, aliased with `prefix`; a money field
 * reads its raw value (the exact amount the ORM would answer).
 */
export function ledgerSelectList(table: LedgerRowTable, alias: string, fields: string[], prefix = "") {
  const { money } = LEDGER_ROW_FIELDS[table]
  return fields
    .filter((field) => isLedgerRowField(table, field))
    .map((field) =>
      (money as readonly string[]).includes(field)
        ? { sql: `(??->>'value') as ??`, bindings: [`${alias}.raw_${field}`, `${prefix}${field}`] }
        : { sql: `?? as ??`, bindings: [`${alias}.${field}`, `${prefix}${field}`] }
    )
}

/** Money read as text turned into the number the ORM answers. */
export function withMoneyNumbers(table: LedgerRowTable, row: Record<string, unknown>) {
  for (const field of LEDGER_ROW_FIELDS[table].money) {
    if (typeof row[field] === "string") {
      row[field] = Number(row[field])
    }
  }
  return row
}
