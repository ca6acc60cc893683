/**
 * What the page shows, read from the emulator without running any script:
 * the sheet tabs, a window of the active sheet (display values, formulas,
 * notes, checkboxes, styles), the selection, menus and the add-on's UI log.
 * Big sheets are never sent whole: only the frozen rows and columns plus the
 * block the page scrolled to.
 */
import type {Emulator} from '../index';
import {
  activeSheetModel,
  displayValue,
  formatA1,
  quoteSheetName,
} from '../sheets';
import type {SheetModel} from '../sheets/sheet-model';
import {
  STYLE_DEFAULTS,
  type StyleName,
  type StyleValue,
  type ValidationRule,
} from '../sheets/records';
import type {Rect} from '../sheets/rect';
import {checkedValue, uncheckedValue} from '../sheets/rules';
import type {CellValue} from '../workbook';
import type {
  CellStyle,
  CellView,
  ChartView,
  GridWindow,
  PlaygroundState,
  SelectionView,
  WindowRequest,
} from './protocol';

/** The most the page may ask for at once. */
const MAX_WINDOW = {rows: 500, cols: 100};
export const DEFAULT_WINDOW: WindowRequest = {
  r1: 1,
  c1: 1,
  rows: 200,
  cols: 40,
};
const RECENT_TOASTS = 5;
const RECENT_EXECUTIONS = 30;

/** The sheet the user is on (the selection's sheet), as scripts see it. */
export function activeSheet(emu: Emulator): SheetModel {
  return activeSheetModel(
    {host: emu.runtime.host, resolver: emu.document.registry},
    emu.spreadsheet,
  );
}

function selectionView(emu: Emulator): SelectionView {
  const sheet = activeSheet(emu);
  const {range, current} = emu.document.registry.selection(emu.spreadsheet);
  return {
    a1: formatA1(range, sheet.maxRows, sheet.maxColumns),
    ...range,
    row: current.row,
    col: current.col,
  };
}

/** Open surfaces and the add-on's identity, which the server tracks itself. */
export interface Surfaces {
  sidebar: PlaygroundState['sidebar'];
  dialog: PlaygroundState['dialog'];
  saveTo: string | null;
  /** Where the toast and execution logs stood when the page opened the file. */
  opened: {toasts: number; executions: number};
}

export function playgroundState(
  emu: Emulator,
  request: WindowRequest,
  surfaces: Surfaces,
): PlaygroundState {
  const model = emu.spreadsheet;
  const sheet = activeSheet(emu);
  const bundle = emu.runtime.bundle();
  return {
    spreadsheet: {name: model.name, timeZone: model.timeZone},
    sheets: model.sheets.map(s => ({
      name: s.name,
      hidden: s.hidden,
      tabColor: s.tabColor,
    })),
    activeSheet: sheet.name,
    selection: selectionView(emu),
    grid: gridWindow(sheet, request, model.timeZone),
    menus: emu.menus(),
    sidebar: surfaces.sidebar,
    dialog: surfaces.dialog,
    toasts: recent(emu.ui.toasts, RECENT_TOASTS, surfaces.opened.toasts).map(
      ([seq, t]) => ({
        seq,
        title: t.title,
        message: t.message,
        timeoutSeconds: t.timeoutSeconds,
      }),
    ),
    mail: emu.mail.map((m, seq) => ({
      seq,
      to: m.to,
      ...(m.cc ? {cc: m.cc} : {}),
      ...(m.bcc ? {bcc: m.bcc} : {}),
      subject: m.subject,
      at: m.at.toISOString(),
    })),
    charts: chartsOf(emu, sheet),
    executions: recent(emu.executions, RECENT_EXECUTIONS).map(([seq, e]) => ({
      seq,
      fn: e.fn,
      kind: e.kind,
      ok: e.ok,
      ...(e.error === undefined ? {} : {error: e.error}),
      ms: e.ms,
      at: e.at.toISOString(),
    })),
    serverFunctions: [...bundle.entryPoints.keys()].filter(name =>
      bundle.isPublicEntryPoint(name),
    ),
    executionsFrom: surfaces.opened.executions,
    saveTo: surfaces.saveTo,
    now: emu.now().toISOString(),
  };
}

/** The last `count` entries of a log (from `from` on), with their positions. */
function recent<T>(log: T[], count: number, from = 0): [number, T][] {
  const start = Math.max(from, log.length - count);
  return log.slice(start).map((entry, i) => [start + i, entry]);
}

/** Keeps a requested window inside the sheet and the size limits. */
function clampWindow(
  sheet: SheetModel,
  request: WindowRequest,
): {rows: [number, number]; cols: [number, number]} {
  const clamp = (n: number, lo: number, hi: number) =>
    Math.max(lo, Math.min(hi, Math.floor(n) || lo));
  const rows = clamp(request.rows, 1, MAX_WINDOW.rows);
  const cols = clamp(request.cols, 1, MAX_WINDOW.cols);
  const r1 = clamp(request.r1, sheet.frozenRows + 1, sheet.maxRows);
  const c1 = clamp(request.c1, sheet.frozenColumns + 1, sheet.maxColumns);
  return {
    rows: [r1, Math.min(sheet.maxRows, r1 + rows - 1)],
    cols: [c1, Math.min(sheet.maxColumns, c1 + cols - 1)],
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

function gridWindow(
  sheet: SheetModel,
  request: WindowRequest,
  timeZone: string,
): GridWindow {
  const window = clampWindow(sheet, request);
  const frozenRows = Math.min(sheet.frozenRows, sheet.maxRows);
  const frozenCols = Math.min(sheet.frozenColumns, sheet.maxColumns);
  const visibleRow = (r: number) => !sheet.hiddenRows.has(r);
  const visibleCol = (c: number) => !sheet.hiddenColumns.has(c);
  const cols = [...range(1, frozenCols), ...range(...window.cols)].filter(
    visibleCol,
  );
  const bands: [number, number][] = [];
  if (frozenRows) bands.push([1, frozenRows]);
  if (window.rows[0] <= window.rows[1]) bands.push(window.rows);
  const rows: number[] = [];
  const cells: (CellView | null)[][] = [];
  for (const [r1, r2] of bands) {
    const band = bandCells(sheet, r1, r2, cols, timeZone);
    band.forEach((line, i) => {
      if (!visibleRow(r1 + i)) return;
      rows.push(r1 + i);
      cells.push(line);
    });
  }
  return {
    sheet: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows,
    frozenColumns: frozenCols,
    columnWidths: [...sheet.columnWidths.entries()],
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    rows,
    cols,
    cells,
  };
}

/** Rows r1..r2 at the given columns (ascending). */
function bandCells(
  sheet: SheetModel,
  r1: number,
  r2: number,
  cols: number[],
  timeZone: string,
): (CellView | null)[][] {
  if (!cols.length) return range(r1, r2).map(() => []);
  const rect: Rect = {r1, r2, c1: cols[0], c2: cols[cols.length - 1]};
  const values = sheet.readValues(rect);
  const paint = <T>(layer: {
    isEmpty(): boolean;
    paint(r: Rect): (T | null)[][];
  }) => (layer.isEmpty() ? null : layer.paint(rect));
  const formats = paint<string>(sheet.numberFormats);
  const rules = paint<ValidationRule>(sheet.validations);
  const styles = [...sheet.styles.entries()]
    .map(([name, layer]) => [name, paint<StyleValue>(layer)] as const)
    .filter(([, grid]) => grid !== null);
  const sparse = <T>(grid: {within(r: Rect): [number, number, T][]}) =>
    new Map(grid.within(rect).map(([r, c, v]) => [`${r}:${c}`, v]));
  const formulas = sparse(sheet.formulas);
  const notes = sparse(sheet.notes);
  const errors = sparse(sheet.formulaErrors);
  return values.map((line, i) =>
    cols.map(col => {
      const j = col - rect.c1;
      const row = rect.r1 + i;
      const key = `${row}:${col}`;
      const style: CellStyle = {};
      for (const [name, grid] of styles) {
        applyStyle(style, name, grid![i][j]);
      }
      return cellView({
        value: line[j],
        format: formats?.[i][j] ?? null,
        rule: rules?.[i][j] ?? null,
        style,
        formula: formulas.get(key),
        note: notes.get(key),
        error: errors.get(key),
        timeZone,
      });
    }),
  );
}

function cellView(cell: {
  value: CellValue;
  format: string | null;
  rule: ValidationRule | null;
  style: CellStyle;
  formula?: string;
  note?: string;
  error?: string;
  timeZone: string;
}): CellView | null {
  const {value, rule, timeZone} = cell;
  const text = displayValue(value, cell.format, timeZone);
  const view: CellView = {text};
  const input = cell.formula ?? inputText(value, timeZone);
  if (input !== text) view.input = input;
  if (cell.error !== undefined) {
    view.kind = 'error';
    view.error = cell.error;
  } else if (typeof value === 'number' || value instanceof Date) {
    view.kind = 'number';
  } else if (typeof value === 'boolean') {
    view.kind = 'boolean';
  }
  if (cell.note) view.note = cell.note;
  if (rule?.criteria === 'CHECKBOX') {
    const on = checkedValue(rule);
    const off = uncheckedValue(rule);
    view.checkbox = {
      checked: value === on,
      on: inputText(on, timeZone),
      off: inputText(off, timeZone),
    };
  } else if (rule?.criteria === 'VALUE_IN_LIST' && rule.values[1] !== false) {
    const list = rule.values[0];
    if (Array.isArray(list)) view.choices = list.map(v => String(v));
  }
  if (Object.keys(cell.style).length) view.style = cell.style;
  const plain =
    text === '' &&
    view.input === undefined &&
    !view.note &&
    !view.checkbox &&
    !view.choices &&
    !view.style &&
    !view.error;
  return plain ? null : view;
}

/** What the formula bar shows for a value: typing it back gives the same value. */
function inputText(value: CellValue, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return displayValue(value, null, timeZone);
  return value;
}

const ALIGN: Record<string, CellStyle['align']> = {
  left: 'left',
  center: 'center',
  right: 'right',
};

function applyStyle(
  style: CellStyle,
  name: StyleName,
  value: StyleValue | null,
): void {
  if (value === null || value === STYLE_DEFAULTS[name]) return;
  const text = String(value).toLowerCase();
  switch (name) {
    case 'fontWeight':
      if (text === 'bold') style.bold = true;
      return;
    case 'fontStyle':
      if (text === 'italic') style.italic = true;
      return;
    case 'fontLine':
      if (text === 'underline') style.underline = true;
      if (text === 'line-through') style.strike = true;
      return;
    case 'fontColor':
      style.color = String(value);
      return;
    case 'background':
      style.background = String(value);
      return;
    case 'fontFamily':
      style.fontFamily = String(value);
      return;
    case 'fontSize':
      if (typeof value === 'number') style.fontSize = value;
      return;
    case 'wrapStrategy':
      if (text === 'wrap') style.wrap = true;
      return;
    case 'horizontalAlignment':
      if (ALIGN[text]) style.align = ALIGN[text];
      return;
    case 'verticalAlignment':
      return;
  }
}

/** Sheets' size for a chart that did not set one. */
const CHART_SIZE = {width: 600, height: 371};
/** Enough of a chart's data to draw it. */
const CHART_LIMIT = {rows: 200, cols: 12};

function chartsOf(emu: Emulator, sheet: SheetModel): ChartView[] {
  const model = emu.spreadsheet;
  return sheet.charts.map(chart => {
    const columns: CellValue[][] = [];
    const ranges: string[] = [];
    for (const {sheetId, rect} of chart.ranges) {
      const source = model.sheetById(sheetId);
      if (!source) continue;
      ranges.push(
        `${quoteSheetName(source.name)}!${formatA1(rect, source.maxRows, source.maxColumns)}`,
      );
      const block = source.readValues({
        ...rect,
        r2: Math.min(rect.r2, rect.r1 + CHART_LIMIT.rows - 1, source.maxRows),
        c2: Math.min(
          rect.c2,
          rect.c1 + CHART_LIMIT.cols - 1,
          source.maxColumns,
        ),
      });
      block[0]?.forEach((_, j) => columns.push(block.map(line => line[j])));
    }
    const [domain = [], ...rest] = columns;
    // Without setNumHeaders, Sheets takes a first row of text as headers.
    const headers =
      chart.numHeaders ??
      (rest.some(col => typeof col[0] === 'string' && col[0] !== '') ? 1 : 0);
    const option = (name: string) => chart.options[name];
    const size = (name: 'width' | 'height') => {
      const value = option(name);
      return typeof value === 'number' && value > 0 ? value : CHART_SIZE[name];
    };
    return {
      id: chart.chartId,
      type: chart.type,
      title: String(option('title') ?? ''),
      ranges,
      anchor: {
        row: chart.anchorRow,
        col: chart.anchorColumn,
        x: chart.offsetX,
        y: chart.offsetY,
      },
      width: size('width'),
      height: size('height'),
      stacked: option('isStacked') === true,
      labels: domain
        .slice(headers)
        .map(v => displayValue(v, null, model.timeZone)),
      series: rest.map((col, i) => ({
        name: headers ? String(col[0]) : `Series ${i + 1}`,
        values: col.slice(headers).map(v => (typeof v === 'number' ? v : null)),
      })),
    };
  });
}
