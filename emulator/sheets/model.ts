/**
 * One spreadsheet file in memory: its sheets (sheet-model.ts), the records
 * that belong to the whole file (developer metadata, named ranges), and the
 * structural edits that must keep them all in step. Converts to and from the
 * plain WorkbookData that .xlsx/.csv files hold; everything else travels in
 * the state sidecar (state.ts).
 */
import type {CellValue, SheetData, WorkbookData} from '../workbook';
import {MAX_COLUMNS, cellA1, parseA1} from './a1';
import {MESSAGES, exception} from './errors';
import type {MetadataRecord, NamedRangeRecord} from './records';
import {DimensionChange, Dimension, shiftSpan, shiftRect} from './rect';
import {SheetModel} from './sheet-model';
import {Json, applyState, exportState} from './state';
import {isValidTimeZone} from './zones';

export const DEFAULT_CELL_LIMIT = 10_000_000;
/** A new sheet's grid, as in Sheets. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export interface SpreadsheetOptions {
  /** Drive file id; generated when absent. */
  id?: string;
  name?: string;
  /** IANA zone; Sheets' default for a new file is the owner's, here America/New_York. */
  timeZone?: string;
  /** Total cells (rows × columns over all sheets) the file may hold. */
  cellLimit?: number;
}

let generated = 0;

/** A 44-character id shaped like a Drive file id, unique in this process. */
function newSpreadsheetId(): string {
  generated++;
  const seed = `whuffie-emulator-${generated}`;
  let out = '1';
  let h = 2166136261;
  while (out.length < 44) {
    for (let i = 0; i < seed.length; i++)
      h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    h = Math.imul(h ^ out.length, 16777619);
    const alphabet =
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    out += alphabet[(h >>> 0) % 64];
  }
  return out;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function normalizeCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return new Date(value.getTime());
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  return String(value);
}

/** "Those rows are out of bounds." or the columns' version. */
export function outOfBounds(dimension: Dimension): Error {
  return exception(
    dimension === 'ROWS'
      ? MESSAGES.rowsOutOfBounds
      : MESSAGES.columnsOutOfBounds,
  );
}

/** Refuses a span of rows/columns that is empty or reaches past the sheet. */
export function checkSpan(
  sheet: SheetModel,
  dimension: Dimension,
  start: number,
  count: number,
): void {
  const max = dimension === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
  if (start < 1 || count < 1 || start + count - 1 > max)
    throw outOfBounds(dimension);
}

export class SpreadsheetModel {
  /** Drive file id (applyState restores a saved one). */
  id: string;
  name: string;
  timeZone: string;
  cellLimit: number;
  sheets: SheetModel[] = [];
  metadata: MetadataRecord[] = [];
  namedRanges: NamedRangeRecord[] = [];
  /** Next ids to hand out; saved with the state so ids never repeat across runs. */
  counters = {sheet: 0, metadata: 1, chart: 1, protection: 1};

  constructor(options: SpreadsheetOptions = {}) {
    this.id = options.id ?? newSpreadsheetId();
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'America/New_York';
    if (!isValidTimeZone(this.timeZone)) {
      throw new Error(`Unknown time zone: ${this.timeZone}`);
    }
    this.cellLimit = options.cellLimit ?? DEFAULT_CELL_LIMIT;
  }

  /**
   * A spreadsheet holding a workbook's sheets. Each grid is at least
   * 1000 × 26, like a file opened in Sheets, unless that padding would push
   * the file past the cell limit (then the grid is the data's own size). A
   * file already over the limit loads; it just cannot grow.
   */
  static fromWorkbook(
    data: WorkbookData,
    options: SpreadsheetOptions = {},
  ): SpreadsheetModel {
    const model = new SpreadsheetModel(options);
    const sized = data.sheets.map(sheet => ({sheet, ...dataExtent(sheet)}));
    let total = 0;
    for (const {sheet, rows, cols} of sized) {
      const padded =
        Math.max(rows, DEFAULT_ROWS) * Math.max(cols, DEFAULT_COLUMNS);
      const pad = total + padded <= model.cellLimit;
      const maxRows = pad ? Math.max(rows, DEFAULT_ROWS) : Math.max(rows, 1);
      const maxCols = pad ? Math.max(cols, DEFAULT_COLUMNS) : Math.max(cols, 1);
      total += maxRows * maxCols;
      const target = new SheetModel(
        sheet.name,
        model.counters.sheet++,
        maxRows,
        maxCols,
      );
      target.cells = sheet.values.map(line => line.map(normalizeCell));
      for (const [address, formula] of Object.entries(sheet.formulas ?? {})) {
        const ref = parseA1(address);
        if (ref?.start.row && ref.start.col) {
          target.formulas.set(ref.start.row, ref.start.col, formula);
        }
      }
      target.touch();
      model.sheets.push(target);
    }
    if (model.sheets.length === 0) model.addSheet('Sheet1');
    return model;
  }

  /** The cell values and formulas, as a workbook file holds them. */
  toWorkbook(): WorkbookData {
    return {
      sheets: this.sheets.map(sheet => {
        const rows = sheet.lastRow();
        const values = rows
          ? sheet.readValues({r1: 1, c1: 1, r2: rows, c2: sheet.lastColumn()})
          : [];
        const out: SheetData = {name: sheet.name, values};
        if (sheet.formulas.size) {
          const formulas: Record<string, string> = {};
          sheet.formulas.forEach((formula, r, c) => {
            formulas[cellA1(r, c)] = formula;
          });
          out.formulas = formulas;
        }
        return out;
      }),
    };
  }

  /** Everything that is not in toWorkbook(), JSON-safe (see state.ts). */
  exportState(): Json {
    return exportState(this);
  }

  /** Restores exportState() output on top of a model loaded from the same workbook. */
  applyState(state: unknown): void {
    applyState(this, state);
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Sheet names are unique regardless of case in Sheets, and looked up the same way. */
  sheetByName(name: string): SheetModel | null {
    return (
      this.sheets.find(s => s.name === name) ??
      this.sheets.find(s => sameName(s.name, name)) ??
      null
    );
  }

  sheetById(sheetId: number): SheetModel | null {
    return this.sheets.find(s => s.sheetId === sheetId) ?? null;
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** Throws the platform's error if adding this many cells would cross the limit. */
  assertRoom(extraCells: number): void {
    if (extraCells > 0 && this.cellCount() + extraCells > this.cellLimit) {
      throw exception(MESSAGES.cellLimit(this.cellLimit));
    }
  }

  private assertFreeName(name: string, except: SheetModel | null): void {
    if (this.sheets.some(s => s !== except && sameName(s.name, name))) {
      throw exception(MESSAGES.sheetExists(name));
    }
  }

  /** Adds a sheet (default name SheetN) at a 0-based tab position (default: last). */
  addSheet(
    name?: string,
    index = this.sheets.length,
    rows = DEFAULT_ROWS,
    cols = DEFAULT_COLUMNS,
  ): SheetModel {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some(s => sameName(s.name, `Sheet${n}`))) n++;
      sheetName = `Sheet${n}`;
    }
    this.assertFreeName(sheetName, null);
    this.assertRoom(rows * cols);
    const sheet = new SheetModel(sheetName, this.counters.sheet++, rows, cols);
    this.sheets.splice(
      Math.max(0, Math.min(index, this.sheets.length)),
      0,
      sheet,
    );
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw exception(MESSAGES.removeAllSheets);
    this.sheets = this.sheets.filter(s => s !== sheet);
    this.metadata = this.metadata.filter(
      m =>
        m.location.type === 'SPREADSHEET' ||
        m.location.sheetId !== sheet.sheetId,
    );
    this.namedRanges = this.namedRanges.filter(
      n => n.sheetId !== sheet.sheetId,
    );
  }

  renameSheet(sheet: SheetModel, name: string): void {
    this.assertFreeName(name, sheet);
    sheet.name = name;
  }

  /** Moves a sheet to a 0-based tab position. */
  moveSheet(sheet: SheetModel, index: number): void {
    this.sheets = this.sheets.filter(s => s !== sheet);
    this.sheets.splice(
      Math.max(0, Math.min(index, this.sheets.length)),
      0,
      sheet,
    );
  }

  /**
   * Inserts `count` rows/columns so the first new one is at position `at`;
   * `anchor` is the existing row/column whose formats they take.
   */
  insertDimension(
    sheet: SheetModel,
    dimension: Dimension,
    at: number,
    count: number,
    anchor: number | null,
  ): void {
    if (dimension === 'COLUMNS' && sheet.maxColumns + count > MAX_COLUMNS) {
      throw exception(MESSAGES.columnLimit(MAX_COLUMNS));
    }
    this.assertRoom(
      count * (dimension === 'ROWS' ? sheet.maxColumns : sheet.maxRows),
    );
    this.applyChange(sheet, {dimension, kind: 'insert', at, count, anchor});
  }

  /** Deletes rows/columns at…at+count-1, with the platform's refusals. */
  deleteDimension(
    sheet: SheetModel,
    dimension: Dimension,
    at: number,
    count: number,
  ): void {
    checkSpan(sheet, dimension, at, count);
    const rows = dimension === 'ROWS';
    const max = rows ? sheet.maxRows : sheet.maxColumns;
    const frozen = rows ? sheet.frozenRows : sheet.frozenColumns;
    if (max - count <= frozen) {
      throw exception(
        rows ? MESSAGES.deleteAllRows : MESSAGES.deleteAllColumns,
      );
    }
    this.applyChange(sheet, {
      dimension,
      kind: 'delete',
      at,
      count,
      anchor: null,
    });
  }

  private applyChange(sheet: SheetModel, change: DimensionChange): void {
    sheet.applyChange(change);
    const located = change.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
    this.metadata = this.metadata.flatMap(m => {
      const loc = m.location;
      if (loc.type !== located || loc.sheetId !== sheet.sheetId) return [m];
      const span = shiftSpan(loc.start, loc.end, change, false);
      return span
        ? [{...m, location: {...loc, start: span[0], end: span[1]}}]
        : [];
    });
    this.namedRanges = this.namedRanges.flatMap(n => {
      if (n.sheetId !== sheet.sheetId) return [n];
      const rect = shiftRect(n.rect, change, false);
      return rect ? [{...n, rect}] : [];
    });
  }
}

/** Rows and columns a sheet's data reaches (values or formulas). */
function dataExtent(sheet: SheetData): {rows: number; cols: number} {
  let rows = 0;
  let cols = 0;
  sheet.values.forEach((line, i) => {
    if (line.length) rows = i + 1;
    cols = Math.max(cols, line.length);
  });
  for (const address of Object.keys(sheet.formulas ?? {})) {
    const ref = parseA1(address);
    if (ref?.start.row && ref.start.col) {
      rows = Math.max(rows, ref.start.row);
      cols = Math.max(cols, ref.start.col);
    }
  }
  return {rows, cols};
}
