/**
 * Everything a spreadsheet holds that a workbook file does not: notes,
 * formats, validation, metadata, named ranges, protections, frozen rows,
 * charts, sheet ids, hidden sheets, the time zone, the file's id and name.
 * exportState() gives a JSON-safe object (Dates encoded as {"$date": ISO});
 * applyState() lays it back over a model loaded from the workbook, so CLI runs
 * chain: values in the .xlsx, the rest in a JSON sidecar.
 */
import type {RectEntry} from './layers';
import type {SpreadsheetModel} from './model';
import type {
  ChartRecord,
  MetadataRecord,
  NamedRangeRecord,
  ProtectionRecord,
  Spill,
  StyleName,
  StyleValue,
  ValidationRule,
} from './records';
import type {Rect} from './rect';
import {SheetModel} from './sheet-model';
import {isValidTimeZone} from './zones';

export const STATE_VERSION = 1;

export interface SheetState {
  name: string;
  sheetId: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  notes: Array<[number, number, string]>;
  numberFormats: Array<RectEntry<string>>;
  validations: Array<RectEntry<ValidationRule>>;
  styles: Partial<Record<StyleName, Array<RectEntry<StyleValue>>>>;
  merges: Rect[];
  columnWidths: Array<[number, number]>;
  rowHeights: Array<[number, number]>;
  hiddenRows: number[];
  hiddenColumns: number[];
  charts: ChartRecord[];
  protections: ProtectionRecord[];
  filter: Rect | null;
  spills: Spill[];
  /** Formula cells showing an error, with the message behind it. */
  formulaErrors: Array<[number, number, string]>;
  /** Formula cells never computed. */
  pending: Array<[number, number]>;
}

export interface SpreadsheetState {
  version: number;
  id: string;
  name: string;
  timeZone: string;
  cellLimit: number;
  counters: SpreadsheetModel['counters'];
  metadata: MetadataRecord[];
  namedRanges: NamedRangeRecord[];
  /** In tab order. */
  sheets: SheetState[];
}

/** Any JSON value, as the sidecar file holds it. */
export type Json =
  null | boolean | number | string | Json[] | {[key: string]: Json};

/** Deep copy with every Date replaced by {"$date": ISO string}. */
export function encodeDates(value: unknown): Json {
  if (value instanceof Date) return {$date: value.toISOString()};
  if (Array.isArray(value)) return value.map(encodeDates);
  if (value !== null && typeof value === 'object') {
    const out: {[key: string]: Json} = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = encodeDates(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value as Json;
}

/** The inverse of encodeDates. */
export function decodeDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDates);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (
      keys.length === 1 &&
      keys[0] === '$date' &&
      typeof record.$date === 'string'
    ) {
      return new Date(record.$date);
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = decodeDates(record[k]);
    return out;
  }
  return value;
}

function cellsOf<T>(grid: {
  forEach(fn: (v: T, r: number, c: number) => void): void;
}) {
  const out: Array<[number, number, T]> = [];
  grid.forEach((v, r, c) => out.push([r, c, v]));
  return out;
}

function sheetState(sheet: SheetModel): SheetState {
  const styles: SheetState['styles'] = {};
  for (const [name, layer] of sheet.styles) {
    if (!layer.isEmpty()) styles[name] = [...layer.entries()];
  }
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    notes: cellsOf(sheet.notes),
    numberFormats: [...sheet.numberFormats.entries()],
    validations: [...sheet.validations.entries()],
    styles,
    merges: sheet.merges,
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    hiddenRows: [...sheet.hiddenRows],
    hiddenColumns: [...sheet.hiddenColumns],
    charts: sheet.charts,
    protections: sheet.protections,
    filter: sheet.filter,
    spills: sheet.spills,
    formulaErrors: cellsOf(sheet.formulaErrors),
    pending: cellsOf(sheet.pending).map(([r, c]) => [r, c] as [number, number]),
  };
}

/** The model's non-cell state, JSON-safe (a deep copy). */
export function exportState(model: SpreadsheetModel): Json {
  const state: SpreadsheetState = {
    version: STATE_VERSION,
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    cellLimit: model.cellLimit,
    counters: model.counters,
    metadata: model.metadata,
    namedRanges: model.namedRanges,
    sheets: model.sheets.map(sheetState),
  };
  return encodeDates(state);
}

function restoreSheet(sheet: SheetModel, s: SheetState): void {
  sheet.hidden = s.hidden;
  sheet.tabColor = s.tabColor;
  sheet.frozenRows = s.frozenRows;
  sheet.frozenColumns = s.frozenColumns;
  sheet.maxRows = Math.max(s.maxRows, sheet.cells.length, 1);
  const widest = sheet.cells.reduce(
    (n, line) => Math.max(n, line?.length ?? 0),
    0,
  );
  sheet.maxColumns = Math.max(s.maxColumns, widest, 1);
  for (const [r, c, text] of s.notes) sheet.notes.set(r, c, text);
  sheet.numberFormats.load(s.numberFormats);
  sheet.validations.load(s.validations);
  for (const [name, entries] of Object.entries(s.styles) as Array<
    [StyleName, Array<RectEntry<StyleValue>>]
  >) {
    sheet.style(name).load(entries);
  }
  sheet.merges = s.merges;
  sheet.columnWidths = new Map(s.columnWidths);
  sheet.rowHeights = new Map(s.rowHeights);
  sheet.hiddenRows = new Set(s.hiddenRows);
  sheet.hiddenColumns = new Set(s.hiddenColumns);
  sheet.charts = s.charts;
  sheet.protections = s.protections;
  sheet.filter = s.filter;
  sheet.spills = s.spills;
  for (const [r, c, message] of s.formulaErrors)
    sheet.formulaErrors.set(r, c, message);
  sheet.pending.clearRect(sheet.bounds);
  for (const [r, c] of s.pending) sheet.pending.set(r, c, true);
  sheet.touch();
}

/**
 * Lays saved state over a model loaded from the matching workbook. Sheets are
 * matched by name; a saved sheet the workbook lacks (an empty one a CSV could
 * not carry) is recreated; workbook sheets the state does not know keep
 * their place after the known ones.
 */
export function applyState(model: SpreadsheetModel, saved: unknown): void {
  const state = decodeDates(saved) as SpreadsheetState;
  if (!state || state.version !== STATE_VERSION) {
    throw new Error(
      `Unsupported spreadsheet state version: ${String(state?.version)}`,
    );
  }
  if (!isValidTimeZone(state.timeZone)) {
    throw new Error(`Unknown time zone in state: ${state.timeZone}`);
  }
  model.id = state.id;
  model.name = state.name;
  model.timeZone = state.timeZone;
  model.cellLimit = state.cellLimit;
  const unmatched = [...model.sheets];
  const ordered: SheetModel[] = [];
  for (const s of state.sheets) {
    const i = unmatched.findIndex(
      sheet => sheet.name.toLowerCase() === s.name.toLowerCase(),
    );
    const sheet =
      i >= 0
        ? unmatched.splice(i, 1)[0]
        : new SheetModel(s.name, s.sheetId, s.maxRows, s.maxColumns);
    sheet.name = s.name;
    sheet.sheetId = s.sheetId;
    restoreSheet(sheet, s);
    ordered.push(sheet);
  }
  let nextId = Math.max(
    state.counters.sheet,
    ...ordered.map(s => s.sheetId + 1),
  );
  for (const sheet of unmatched) sheet.sheetId = nextId++;
  model.sheets = [...ordered, ...unmatched];
  model.counters = {...state.counters, sheet: nextId};
  model.metadata = state.metadata;
  model.namedRanges = state.namedRanges;
}
