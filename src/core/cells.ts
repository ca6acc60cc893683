/**
 * The one way text from outside (names, notes, post text, imported rows)
 * becomes a cell value. Sheets parses strings written by a script like typed
 * input: "=IMPORTXML(…)" would become a live formula, "+1" a number. A leading
 * apostrophe is Sheets' own "this is text" prefix: it is not part of the
 * value, so the text reads back exactly as it came in.
 */

/** Characters that make Sheets (or a spreadsheet opened later) see a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function cellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Any value bound for a cell: strings are neutralised, the rest pass as is. */
export function cellValue(
  value: string | number | boolean | Date | null | undefined,
): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? cellText(value) : value;
}

/** A cell read back as trimmed text ('' for empty, numbers as written). */
export function textOf(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date)
    return isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).trim();
}
