/**
 * Test helpers for setup: load an export fixture the way Google Sheets'
 * CSV import would show it to `getValues()`, and apply a SetupPlan to such a
 * grid the way the adapter would.
 */
import {readFileSync} from 'fs';
import {join} from 'path';
import {parse} from 'csv-parse/sync';
import type {SetupPlan} from '../../src/core/setup';

export const EXPORTS_DIR = join(__dirname, '..', 'fixtures', 'exports');

/** What an adapter reads from a sheet: values, formulas, column metadata. */
export interface SheetState {
  values: unknown[][];
  formulas: string[][];
  metadata: {field: string; column: number}[];
}

const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * A CSV cell as Sheets (en_US locale) stores it: numbers (also "1,250.00"),
 * TRUE/FALSE, and full dates become typed values; everything else stays text.
 * Sheets' serial dates come back from getValues() as Date objects.
 */
function asSheetsValue(text: string): unknown {
  if (/^-?(0|[1-9]\d{0,2}(,\d{3})+|[1-9]\d*)(\.\d+)?$/.test(text)) {
    return Number(text.replace(/,/g, ''));
  }
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  let m = ISO_DATE.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map(x => Number(x ?? 0));
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  }
  m = US_DATE.exec(text);
  if (m) {
    const [mo, d, y, h, mi, s] = m.slice(1).map(x => Number(x ?? 0));
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    }
  }
  return text;
}

/**
 * A fixture as a rectangular sheet. Cells starting with "=" are formulas:
 * "=7" shows 7, any other formula shows '' (as if it computed to nothing).
 */
export function loadExport(file: string): SheetState {
  const rows: string[][] = parse(
    readFileSync(join(EXPORTS_DIR, file), 'utf8'),
    {
      relax_column_count: true,
      bom: true,
    },
  );
  const width = Math.max(...rows.map(r => r.length));
  const values: unknown[][] = [];
  const formulas: string[][] = [];
  for (const row of rows) {
    const v: unknown[] = [];
    const f: string[] = [];
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? '';
      if (text.startsWith('=')) {
        f.push(text);
        v.push(/^=\d+$/.test(text) ? Number(text.slice(1)) : '');
      } else {
        f.push('');
        v.push(asSheetsValue(text));
      }
    }
    values.push(v);
    formulas.push(f);
  }
  return {values, formulas, metadata: []};
}

/** Deep copy of a sheet state (Dates kept as Dates). */
export function cloneSheet(sheet: SheetState): SheetState {
  return {
    values: sheet.values.map(r =>
      r.map(v => (v instanceof Date ? new Date(v.getTime()) : v)),
    ),
    formulas: sheet.formulas.map(r => [...r]),
    metadata: sheet.metadata.map(m => ({...m})),
  };
}

function setCell(
  sheet: SheetState,
  row: number,
  column: number,
  value: unknown,
) {
  while (sheet.values.length < row) sheet.values.push([]);
  while (sheet.formulas.length < row) sheet.formulas.push([]);
  sheet.values[row - 1][column - 1] = value;
  sheet.formulas[row - 1][column - 1] = '';
}

/** Applies a plan as the adapter would and returns the new sheet state. */
export function applyPlan(before: SheetState, plan: SetupPlan): SheetState {
  const sheet = cloneSheet(before);
  if (plan.newBlock) {
    const {row, column, values} = plan.newBlock;
    values.forEach((cells, i) =>
      cells.forEach((v, j) => setCell(sheet, row + i, column + j, v)),
    );
  }
  for (const run of plan.fills) {
    run.values.forEach((v, i) => setCell(sheet, run.row + i, run.column, v));
  }
  sheet.metadata = sheet.metadata.filter(
    m =>
      !plan.metadataToRemove.some(
        r => r.field === m.field && r.column === m.column,
      ),
  );
  sheet.metadata.push(...plan.metadataToWrite.map(m => ({...m})));
  const width = Math.max(...sheet.values.map(r => r.length));
  for (const grid of [sheet.values, sheet.formulas]) {
    for (const r of grid) {
      for (let c = 0; c < width; c++) if (r[c] === undefined) r[c] = '';
    }
  }
  return sheet;
}

/** Every cell a plan writes, as "row:column" keys. */
export function writtenCells(plan: SetupPlan): Set<string> {
  const cells = new Set<string>();
  if (plan.newBlock) {
    const {row, column, values} = plan.newBlock;
    values.forEach((r, i) =>
      r.forEach((_, j) => cells.add(`${row + i}:${column + j}`)),
    );
  }
  for (const run of plan.fills) {
    run.values.forEach((_, i) => cells.add(`${run.row + i}:${run.column}`));
  }
  return cells;
}
