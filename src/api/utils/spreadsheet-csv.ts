import type { Options } from "csv-stringify"

/**
 * csv-stringify options for a file an admin opens in a spreadsheet, whose
 * cells hold text from strangers (names, emails, reasons):
 * - `escape_formulas` prefixes with `'` a text cell a spreadsheet would run as
 *   a formula (one starting with = + - @, a tab or a carriage return); numbers,
 *   negative ones included, stay numbers.
 * - `quoted_match` quotes a cell holding `;` or a tab, which some spreadsheet
 *   locales take as the column separator, so the cell stays one cell.
 */
export const SPREADSHEET_CSV_OPTIONS = {
  escape_formulas: true,
  quoted_match: /[;\t]/,
} satisfies Options
