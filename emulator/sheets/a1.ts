/**
 * A1 notation: column letters, parsing `'Reach out today'!A2:K`, and writing
 * ranges back the way Sheets prints them.
 */
import type {Rect} from './rect';

/** Sheets' widest sheet: column ZZZ. */
export const MAX_COLUMNS = 18278;

export function columnToLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let column = 0;
  for (let i = 0; i < letters.length; i++) {
    column = column * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  }
  return column;
}

/** One end of an A1 reference; a missing part is open (whole row/column). */
export interface A1End {
  row: number | null;
  col: number | null;
}

export interface A1Ref {
  /** The sheet named before `!`, unquoted; null when none was given. */
  sheetName: string | null;
  start: A1End;
  /** Null for a single cell (`B2`); set for any `X:Y` form. */
  end: A1End | null;
}

const END = /^\$?([A-Za-z]{1,3})?\$?([1-9]\d{0,7})?$/;

function parseEnd(text: string): A1End | null {
  const m = END.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? lettersToColumn(m[1]) : null;
  if (col !== null && col > MAX_COLUMNS) return null;
  return {row: m[2] ? Number(m[2]) : null, col};
}

/** Splits `'It''s'!A1` into the sheet name and the cell part. */
function splitSheet(text: string): [string | null, string] | null {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return [null, text];
  const prefix = text.slice(0, bang);
  const rest = text.slice(bang + 1);
  if (prefix.startsWith("'")) {
    if (prefix.length < 2 || !prefix.endsWith("'")) return null;
    return [prefix.slice(1, -1).replace(/''/g, "'"), rest];
  }
  return prefix ? [prefix, rest] : null;
}

/**
 * Parses A1 notation: `B2`, `A1:C3`, `A:A`, `A2:A`, `A2:K`, `3:5`, `A2:2`,
 * with an optional sheet (`Interactions!A2:K`, `'Reach out today'!A1`).
 * Returns null for anything Sheets would answer with "Range not found".
 */
export function parseA1(text: string): A1Ref | null {
  const split = splitSheet(text.trim());
  if (!split) return null;
  const [sheetName, cells] = split;
  const parts = cells.split(':');
  if (parts.length > 2) return null;
  const start = parseEnd(parts[0]);
  if (!start) return null;
  if (parts.length === 1) {
    return start.row !== null && start.col !== null
      ? {sheetName, start, end: null}
      : null;
  }
  const end = parseEnd(parts[1]);
  if (!end) return null;
  // `A:1` or `1:A` name no block.
  const startKind = kindOf(start);
  const endKind = kindOf(end);
  if (startKind !== 'cell' && endKind !== 'cell' && startKind !== endKind) {
    return null;
  }
  return {sheetName, start, end};
}

function kindOf(end: A1End): 'cell' | 'row' | 'col' {
  if (end.row !== null && end.col !== null) return 'cell';
  return end.row !== null ? 'row' : 'col';
}

/** The block a reference covers in a sheet of the given size (open ends run to the edge). */
export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): Rect {
  const end = ref.end ?? ref.start;
  const startOpenRow = ref.start.row === null;
  const startOpenCol = ref.start.col === null;
  let r1 = ref.start.row ?? 1;
  let c1 = ref.start.col ?? 1;
  let r2 = end.row ?? (startOpenRow ? maxRows : Math.max(maxRows, r1));
  let c2 = end.col ?? (startOpenCol ? maxCols : Math.max(maxCols, c1));
  if (r2 < r1) [r1, r2] = [r2, r1];
  if (c2 < c1) [c1, c2] = [c2, c1];
  return {r1, c1, r2, c2};
}

/** Quotes a sheet name for use before `!` when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The A1 notation Sheets prints for a block: `B2`, `A1:C3`, and `A:C` / `2:4`
 * for blocks spanning every row / column of the sheet.
 */
export function formatA1(rect: Rect, maxRows: number, maxCols: number): string {
  const allRows = rect.r1 === 1 && rect.r2 === maxRows;
  const allCols = rect.c1 === 1 && rect.c2 === maxCols;
  if (allRows && !allCols) {
    return `${columnToLetters(rect.c1)}:${columnToLetters(rect.c2)}`;
  }
  if (allCols && !allRows) return `${rect.r1}:${rect.r2}`;
  const start = cellA1(rect.r1, rect.c1);
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return start;
  return `${start}:${cellA1(rect.r2, rect.c2)}`;
}

/** `B2`, the address of one cell. */
export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}
