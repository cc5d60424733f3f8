import { MedusaError } from "@medusajs/framework/utils"
import { parse } from "csv-parse/sync"
import type { ConnectionImportRow } from "../../../../workflows"
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "../../../utils/validators"

export const MAX_IMPORT_ROWS = 10000

/** Each column and the longest value it takes, as the admin routes bound them. */
const MAX_LENGTHS: Record<string, number> = {
  customer_email: EMAIL_MAX_LENGTH,
  affiliate_code: 64,
  affiliate_email: EMAIL_MAX_LENGTH,
  first_name: NAME_MAX_LENGTH,
  last_name: NAME_MAX_LENGTH,
}
const KNOWN_COLUMNS = Object.keys(MAX_LENGTHS)

/**
 * Reads an import file: a header row naming `customer_email` and
 * `affiliate_code` or `affiliate_email` (optionally `first_name`,
 * `last_name`), then one connection a row.
 */
export function parseConnectionsCsv(csv: string): ConnectionImportRow[] {
  let records: Record<string, string>[]
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    })
  } catch (error) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `csv: the file could not be read: ${(error as Error).message}`
    )
  }

  if (!records.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "csv: the file has no rows under its header"
    )
  }
  const columns = Object.keys(records[0])
  const unknown = columns.filter((column) => !KNOWN_COLUMNS.includes(column))
  if (
    !columns.includes("customer_email") ||
    !(columns.includes("affiliate_code") || columns.includes("affiliate_email"))
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "csv: the header must name customer_email and affiliate_code or affiliate_email"
    )
  }
  if (unknown.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `csv: unknown column ${unknown.join(", ")}; known columns are ${KNOWN_COLUMNS.join(", ")}`
    )
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `csv: ${records.length} rows is more than ${MAX_IMPORT_ROWS}; split the file`
    )
  }

  records.forEach((record, index) => {
    const tooLong = columns.find((column) => record[column].length > MAX_LENGTHS[column])
    if (tooLong) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `csv: line ${index + 2}: ${tooLong} is longer than ${MAX_LENGTHS[tooLong]} characters`
      )
    }
  })

  return records.map((record, index) => ({
    line: index + 2,
    customer_email: record.customer_email ?? "",
    affiliate_code: record.affiliate_code || undefined,
    affiliate_email: record.affiliate_email || undefined,
    first_name: record.first_name || undefined,
    last_name: record.last_name || undefined,
  }))
}
