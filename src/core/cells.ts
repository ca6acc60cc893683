/**
 * Reading cells as text. (Writing text safely is done by formats, not by
 * rewriting the text: every column the add-on writes text to is formatted
 * plain text ('@') before the write, so "=IMPORTXML(…)" from a post or a
 * name is stored as the text it is, never parsed into a formula, a number
 * or a date.)
 */

export const PLAIN_TEXT = '@';

/** A cell read back as trimmed text ('' for empty, numbers as written). */
export function textOf(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    return isNaN(cell.getTime()) ? '' : cell.toISOString();
  }
  return String(cell).trim();
}
