import type { Options } from "csv-stringify"

/** What a spreadsheet runs as a formula: a cell starting with = + - @ (or their fullwidth forms), a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
/** A plain decimal number, such as an amount written at its currency's decimals ("-0.50"). */
const DECIMAL_NUMBER = /^-?\d+(\.\d+)?$/

/**
 * csv-stringify options for a file an admin opens in a spreadsheet, whose
 * cells hold text from strangers (names, emails, reasons):
 * - a text cell a spreadsheet would run as a formula is prefixed with `'`;
 *   numbers stay numbers, negative ones and amounts written as text at their
 *   currency's decimals included (csv-stringify's own `escape_formulas`
 *   would turn "-0.50" into text);
 * - `quoted_match` quotes a cell holding `;` or a tab, which some spreadsheet
 *   locales take as the column separator, so the cell stays one cell.
 */
export const SPREADSHEET_CSV_OPTIONS = {
  cast: {
    string: (value: string) => (FORMULA_START.test(value) && !DECIMAL_NUMBER.test(value) ? `'${value}` : value),
  },
  quoted_match: /[;\t]/,
} satisfies Options
