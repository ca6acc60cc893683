/**
 * What the runtime needs to keep custom-function formulas computed, kept
 * pure (no host, no counting): parse `=NAME(arg, …)`, list formula cells,
 * read an argument the way Sheets passes it, and write a result back with
 * spill, #REF! and #ERROR! as Sheets shows them.
 *
 * Open-ended references (`A2:A`, `A:A`, `A2:K`) reach the sheet's last row
 * (getMaxRows), trailing empty rows included, as Sheets passes them to a
 * custom function; the function filters the blanks.
 */
import type {CellValue} from '../workbook';
import {cellA1, parseA1, resolveA1} from './a1';
import type {SpreadsheetModel} from './model';
import {Rect, containsCell, rectOf} from './rect';
import {
  REF_ERROR,
  SheetModel,
  copyValue,
  overwriteMessage,
  spillRect,
} from './sheet-model';

export const ERROR_VALUE = '#ERROR!';

/** One argument of a single-call formula: a reference or a literal. */
export type FormulaArg =
  | {kind: 'ref'; sheet: string | null; a1: string}
  | {kind: 'value'; value: string | number | boolean};

export interface FormulaCall {
  /** As written; Sheets matches function names case-insensitively. */
  name: string;
  args: FormulaArg[];
}

const HEAD = /^\s*=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads one argument starting at text[i]; returns it and where it ends. */
function readArg(text: string, start: number): [FormulaArg, number] | null {
  let i = start;
  if (text[i] === '"') {
    let value = '';
    for (i++; i < text.length; i++) {
      if (text[i] !== '"') {
        value += text[i];
      } else if (text[i + 1] === '"') {
        value += '"';
        i++;
      } else {
        return [{kind: 'value', value}, i + 1];
      }
    }
    return null;
  }
  // A reference, possibly with a quoted sheet name that may hold commas or spaces.
  let token = '';
  if (text[i] === "'") {
    const close = /^'(?:[^']|'')*'!/.exec(text.slice(i));
    if (!close) return null;
    token = close[0];
    i += token.length;
  }
  const rest = /^[^,()\s]*/.exec(text.slice(i))![0];
  token += rest;
  i += rest.length;
  if (!token) return null;
  if (!token.startsWith("'")) {
    if (NUMBER.test(token)) return [{kind: 'value', value: Number(token)}, i];
    if (/^(TRUE|FALSE)$/i.test(token)) {
      return [{kind: 'value', value: token.toUpperCase() === 'TRUE'}, i];
    }
  }
  const ref = parseA1(token);
  if (!ref) return null;
  const bang = token.lastIndexOf('!');
  return [{kind: 'ref', sheet: ref.sheetName, a1: token.slice(bang + 1)}, i];
}

/**
 * Parses a formula that is exactly one function call whose arguments are
 * references (`A2`, `A2:A`, `Interactions!A2:K`, `'Reach out today'!A1`) or
 * literals ("text", 12.5, TRUE). Anything else (operators, nested calls) is
 * not a custom-function call: null.
 */
export function parseFormulaCall(formula: string): FormulaCall | null {
  const head = HEAD.exec(formula);
  if (!head) return null;
  const args: FormulaArg[] = [];
  let i = head[0].length;
  const skip = () => {
    while (i < formula.length && /\s/.test(formula[i])) i++;
  };
  skip();
  if (formula[i] === ')') {
    i++;
  } else {
    for (;;) {
      skip();
      const read = readArg(formula, i);
      if (!read) return null;
      args.push(read[0]);
      i = read[1];
      skip();
      if (formula[i] === ',') {
        i++;
      } else if (formula[i] === ')') {
        i++;
        break;
      } else {
        return null;
      }
    }
  }
  skip();
  return i === formula.length ? {name: head[1], args} : null;
}

/** The sheets a call reads (its references'), so a change there can trigger a recompute. */
export function argumentSheets(call: FormulaCall, fromSheet: string): string[] {
  const names = call.args.flatMap(a =>
    a.kind === 'ref' ? [a.sheet ?? fromSheet] : [],
  );
  return [...new Set(names)];
}

export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  /** Its last result ('' when never computed). */
  value: CellValue;
  /** Entered (by a script or a user) since it was last computed. */
  pending: boolean;
}

/** Every formula cell of the file, sheet by sheet in tab order, row-major. */
export function listFormulaCells(model: SpreadsheetModel): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of model.sheets) {
    sheet.formulas.forEach((formula, row, col) => {
      out.push({
        sheet: sheet.name,
        row,
        col,
        formula,
        value: copyValue(sheet.value(row, col)),
        pending: sheet.pending.get(row, col) === true,
      });
    });
  }
  return out;
}

function sheetNamed(model: SpreadsheetModel, name: string): SheetModel {
  const sheet = model.sheetByName(name);
  // Sheets' own words for a formula naming a missing sheet.
  if (!sheet) throw new Error(`Unresolved sheet name '${name}'.`);
  return sheet;
}

/**
 * An argument's value as a custom function receives it: one cell (written
 * without a colon) as a value, a block as a 2-D array of values ('' for
 * empty, Dates as Date).
 */
export function resolveArgument(
  model: SpreadsheetModel,
  ref: {sheet: string | null; a1: string},
  fromSheet: string,
): CellValue | CellValue[][] {
  const sheet = sheetNamed(model, ref.sheet ?? fromSheet);
  const parsed = parseA1(ref.a1);
  if (!parsed) throw new Error(`Range not found: ${ref.a1}`);
  const rect = resolveA1(parsed, sheet.maxRows, sheet.maxColumns);
  const clipped: Rect = {
    ...rect,
    r2: Math.min(rect.r2, sheet.maxRows),
    c2: Math.min(rect.c2, sheet.maxColumns),
  };
  if (parsed.end === null) return copyValue(sheet.value(rect.r1, rect.c1));
  if (clipped.r2 < clipped.r1 || clipped.c2 < clipped.c1) return [];
  return sheet.readValues(clipped);
}

/**
 * A custom function's return value as a block of cells: a 2-D array as is
 * (short rows padded), a 1-D array as a column, anything else as one cell.
 */
export function resultCells(result: unknown): CellValue[][] {
  const cell = (value: unknown): CellValue => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return new Date(value.getTime());
    if (typeof value === 'number')
      return Number.isFinite(value) ? value : '#NUM!';
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
  };
  if (!Array.isArray(result)) return [[cell(result)]];
  if (result.length === 0) return [['']];
  const rows = result.map(row =>
    Array.isArray(row) ? row.map(cell) : [cell(row)],
  );
  const width = Math.max(1, ...rows.map(row => row.length));
  return rows.map(row => {
    while (row.length < width) row.push('');
    return row;
  });
}

function formulaSheet(
  model: SpreadsheetModel,
  sheetName: string,
  row: number,
  col: number,
): SheetModel {
  const sheet = sheetNamed(model, sheetName);
  if (sheet.formulas.get(row, col) === undefined) {
    throw new Error(`${sheetName}!${cellA1(row, col)} holds no formula`);
  }
  return sheet;
}

/** Shows an error in a formula cell, dropping whatever it had spilled. */
function showError(
  sheet: SheetModel,
  row: number,
  col: number,
  value: string,
  message: string,
): void {
  const previous = sheet.spills.find(s => s.row === row && s.col === col);
  if (previous) {
    sheet.clearSpillCells(previous, null);
    sheet.spills = sheet.spills.filter(s => s !== previous);
  }
  sheet.setValue(row, col, value);
  sheet.formulaErrors.set(row, col, message);
  sheet.pending.delete(row, col);
}

/** Why a block cannot spill from (row, col), or null when it can. */
function spillProblem(
  sheet: SheetModel,
  target: Rect,
  previous: Rect,
): string | null {
  if (target.r2 > sheet.maxRows) {
    return `Result was not automatically expanded, please insert more rows (${target.r2 - sheet.maxRows}).`;
  }
  if (target.c2 > sheet.maxColumns) {
    return `Result was not automatically expanded, please insert more columns (${target.c2 - sheet.maxColumns}).`;
  }
  for (let r = target.r1; r <= target.r2; r++) {
    for (let c = target.c1; c <= target.c2; c++) {
      if (r === target.r1 && c === target.c1) continue;
      if (containsCell(previous, r, c)) continue;
      if (
        sheet.value(r, c) !== '' ||
        sheet.formulas.get(r, c) !== undefined ||
        sheet.spillCovering(r, c)
      ) {
        return overwriteMessage(r, c);
      }
    }
  }
  return null;
}

/**
 * Writes a formula's computed result. A block spills right and down without
 * making those cells formulas; if a cell it needs holds data the formula
 * shows #REF! ("Array result was not expanded because it would overwrite
 * data in B3."); cells spilled earlier and no longer covered are cleared.
 */
export function writeFormulaResult(
  model: SpreadsheetModel,
  sheetName: string,
  row: number,
  col: number,
  result: unknown,
): void {
  const sheet = formulaSheet(model, sheetName, row, col);
  const cells = resultCells(result);
  const target = rectOf(row, col, cells.length, cells[0].length);
  const previous = sheet.spills.find(s => s.row === row && s.col === col);
  const before = previous ? spillRect(previous) : rectOf(row, col, 1, 1);
  const problem = spillProblem(sheet, target, before);
  if (problem) {
    showError(sheet, row, col, REF_ERROR, problem);
    sheet.touch();
    return;
  }
  if (previous) {
    sheet.clearSpillCells(previous, target);
    sheet.spills = sheet.spills.filter(s => s !== previous);
  }
  sheet.storeValues(row, col, cells);
  if (cells.length > 1 || cells[0].length > 1) {
    sheet.spills.push({row, col, rows: cells.length, cols: cells[0].length});
  }
  sheet.formulaErrors.delete(row, col);
  sheet.pending.delete(row, col);
  sheet.touch();
}

/** Shows a thrown custom-function error: the cell reads #ERROR!, the message is kept. */
export function writeFormulaError(
  model: SpreadsheetModel,
  sheetName: string,
  row: number,
  col: number,
  message: string,
): void {
  const sheet = formulaSheet(model, sheetName, row, col);
  showError(sheet, row, col, ERROR_VALUE, message);
  sheet.touch();
}

/** The message behind a formula cell's #ERROR! or #REF! (the tooltip), or null. */
export function formulaError(
  model: SpreadsheetModel,
  sheetName: string,
  row: number,
  col: number,
): string | null {
  return sheetNamed(model, sheetName).formulaErrors.get(row, col) ?? null;
}
