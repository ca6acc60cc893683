/**
 * Sheet: one tab. Row/column insertion and deletion go through the model so
 * formats, validation, metadata, named ranges, merges and charts move with
 * their cells; growth is checked against the spreadsheet's cell limit.
 */
import {parseA1, resolveA1} from './a1';
import {prepareCells, writePrepared} from './cell-input';
import {ApiContext, instrument} from './context';
import {
  EmbeddedChart,
  EmbeddedChartBuilder,
  chartOf,
  newDraft,
  placeChart,
} from './charts';
import type {EnumValue} from './enums';
import {MESSAGES, exception, signatureMismatch} from './errors';
import {Filter, filterOf} from './filter';
import {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  addMetadata,
  metadataAt,
} from './metadata';
import {SpreadsheetModel, checkSpan, outOfBounds} from './model';
import {NamedRange, namedRangesOf} from './named-range';
import {Protection, addProtection, protectionsOf} from './protection';
import {Range, checkedRect, sortBlock} from './range';
import {activateSheet, selectRect} from './selection';
import {Dimension, Rect, rectOf} from './rect';
import type {SheetModel} from './sheet-model';
import {Spreadsheet} from './spreadsheet';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** A range from A1 notation on this sheet (or the sheet it names), or "Range not found". */
export function rangeFromA1(
  ctx: ApiContext,
  model: SpreadsheetModel,
  defaultSheet: SheetModel,
  a1: string,
): Range {
  const ref = parseA1(a1);
  if (!ref) throw exception(MESSAGES.rangeNotFound);
  const sheet =
    ref.sheetName === null ? defaultSheet : model.sheetByName(ref.sheetName);
  if (!sheet) throw exception(MESSAGES.rangeNotFound);
  const rect = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
  if (rect.r2 > sheet.maxRows || rect.c2 > sheet.maxColumns)
    throw exception(MESSAGES.outside);
  return new Range(ctx, model, sheet, rect);
}

function insertAt(
  sheet: Sheet,
  dimension: Dimension,
  position: unknown,
  count: unknown,
  after: boolean,
  method: string,
  args: ArrayLike<unknown>,
): Sheet {
  if (!isCount(position) || !isCount(count))
    throw signatureMismatch(method, args);
  const model = sheet.sheetModel;
  const max = dimension === 'ROWS' ? model.maxRows : model.maxColumns;
  if (position < 1 || position > max || count < 1) throw outOfBounds(dimension);
  const at = after ? position + 1 : position;
  sheet.spreadsheetModel.insertDimension(model, dimension, at, count, position);
  sheet.ctx.host.cellsChanged(model.name);
  return sheet;
}

function deleteAt(
  sheet: Sheet,
  dimension: Dimension,
  position: unknown,
  count: unknown,
  method: string,
  args: ArrayLike<unknown>,
): Sheet {
  if (!isCount(position) || !isCount(count))
    throw signatureMismatch(method, args);
  sheet.spreadsheetModel.deleteDimension(
    sheet.sheetModel,
    dimension,
    position,
    count,
  );
  sheet.ctx.host.cellsChanged(sheet.sheetModel.name);
  return sheet;
}

function setHidden(
  sheet: Sheet,
  dimension: Dimension,
  index: unknown,
  count: unknown,
  hide: boolean,
  method: string,
  args: ArrayLike<unknown>,
): void {
  if (!isCount(index) || !isCount(count)) throw signatureMismatch(method, args);
  const model = sheet.sheetModel;
  checkSpan(model, dimension, index, count);
  const set = dimension === 'ROWS' ? model.hiddenRows : model.hiddenColumns;
  for (let i = index; i < index + count; i++) {
    if (hide) set.add(i);
    else set.delete(i);
  }
}

function setSizes(
  map: Map<number, number>,
  start: unknown,
  count: unknown,
  size: unknown,
  method: string,
  args: ArrayLike<unknown>,
): void {
  if (!isCount(start) || !isCount(count) || !isCount(size))
    throw signatureMismatch(method, args);
  for (let i = start; i < start + count; i++) map.set(i, size);
}

/** A width that fits a column's longest shown text (about 7 px a character). */
function fittedWidth(sheet: SheetModel, column: number): number {
  const last = sheet.lastRow();
  let longest = 0;
  for (let r = 1; r <= last; r++) {
    longest = Math.max(longest, String(sheet.value(r, column)).length);
  }
  return Math.max(DEFAULT_COLUMN_WIDTH / 2, Math.min(1000, longest * 7 + 10));
}

export class Sheet {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
  ) {}

  toString(): string {
    return 'Sheet';
  }

  getName(): string {
    return this.sheetModel.name;
  }

  setName(name: string): Sheet {
    if (typeof name !== 'string')
      throw signatureMismatch('Sheet.setName', [name]);
    this.spreadsheetModel.renameSheet(this.sheetModel, name);
    return this;
  }

  getSheetId(): number {
    return this.sheetModel.sheetId;
  }

  /** 1-based tab position. */
  getIndex(): number {
    return this.spreadsheetModel.sheets.indexOf(this.sheetModel) + 1;
  }

  getParent(): Spreadsheet {
    return new Spreadsheet(this.ctx, this.spreadsheetModel);
  }

  /**
   * getRange(row, column, numRows?, numColumns?) or getRange(a1Notation).
   * An argument passed as undefined is a signature mismatch, as in Apps
   * Script, not a default.
   */
  getRange(
    ...args: [
      rowOrA1: number | string,
      column?: number,
      numRows?: number,
      numColumns?: number,
    ]
  ): Range {
    if (args.length === 1 && typeof args[0] === 'string') {
      return rangeFromA1(
        this.ctx,
        this.spreadsheetModel,
        this.sheetModel,
        args[0],
      );
    }
    if (args.length < 2) throw signatureMismatch('Sheet.getRange', args, true);
    const [row, column, numRows, numColumns] = args;
    const rect = checkedRect(
      this.sheetModel,
      'Sheet.getRange',
      args,
      row,
      column,
      args.length >= 3 ? numRows : 1,
      args.length >= 4 ? numColumns : 1,
    );
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, rect);
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const rect = checkedRect(
      this.sheetModel,
      'Sheet.getSheetValues',
      [startRow, startColumn, numRows, numColumns],
      startRow,
      startColumn,
      numRows,
      numColumns,
    );
    return this.sheetModel.readValues(rect);
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    const rect = rectOf(
      1,
      1,
      Math.max(1, this.sheetModel.lastRow()),
      Math.max(1, this.sheetModel.lastColumn()),
    );
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, rect);
  }

  getLastRow(): number {
    return this.sheetModel.lastRow();
  }

  getLastColumn(): number {
    return this.sheetModel.lastColumn();
  }

  getMaxRows(): number {
    return this.sheetModel.maxRows;
  }

  getMaxColumns(): number {
    return this.sheetModel.maxColumns;
  }

  // --- inserting and deleting rows and columns ---

  insertRows(rowIndex: number, numRows = 1): Sheet {
    return insertAt(
      this,
      'ROWS',
      rowIndex,
      numRows,
      false,
      'Sheet.insertRows',
      [rowIndex, numRows],
    );
  }
  insertRowBefore(beforePosition: number): Sheet {
    return insertAt(
      this,
      'ROWS',
      beforePosition,
      1,
      false,
      'Sheet.insertRowBefore',
      [beforePosition],
    );
  }
  insertRowAfter(afterPosition: number): Sheet {
    return insertAt(
      this,
      'ROWS',
      afterPosition,
      1,
      true,
      'Sheet.insertRowAfter',
      [afterPosition],
    );
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return insertAt(
      this,
      'ROWS',
      beforePosition,
      howMany,
      false,
      'Sheet.insertRowsBefore',
      [beforePosition, howMany],
    );
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return insertAt(
      this,
      'ROWS',
      afterPosition,
      howMany,
      true,
      'Sheet.insertRowsAfter',
      [afterPosition, howMany],
    );
  }
  insertColumns(columnIndex: number, numColumns = 1): Sheet {
    return insertAt(
      this,
      'COLUMNS',
      columnIndex,
      numColumns,
      false,
      'Sheet.insertColumns',
      [columnIndex, numColumns],
    );
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return insertAt(
      this,
      'COLUMNS',
      beforePosition,
      1,
      false,
      'Sheet.insertColumnBefore',
      [beforePosition],
    );
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return insertAt(
      this,
      'COLUMNS',
      afterPosition,
      1,
      true,
      'Sheet.insertColumnAfter',
      [afterPosition],
    );
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return insertAt(
      this,
      'COLUMNS',
      beforePosition,
      howMany,
      false,
      'Sheet.insertColumnsBefore',
      [beforePosition, howMany],
    );
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return insertAt(
      this,
      'COLUMNS',
      afterPosition,
      howMany,
      true,
      'Sheet.insertColumnsAfter',
      [afterPosition, howMany],
    );
  }
  deleteRow(rowPosition: number): Sheet {
    return deleteAt(this, 'ROWS', rowPosition, 1, 'Sheet.deleteRow', [
      rowPosition,
    ]);
  }
  deleteRows(rowPosition: number, howMany: number): Sheet {
    return deleteAt(this, 'ROWS', rowPosition, howMany, 'Sheet.deleteRows', [
      rowPosition,
      howMany,
    ]);
  }
  deleteColumn(columnPosition: number): Sheet {
    return deleteAt(this, 'COLUMNS', columnPosition, 1, 'Sheet.deleteColumn', [
      columnPosition,
    ]);
  }
  deleteColumns(columnPosition: number, howMany: number): Sheet {
    return deleteAt(
      this,
      'COLUMNS',
      columnPosition,
      howMany,
      'Sheet.deleteColumns',
      [columnPosition, howMany],
    );
  }

  /**
   * Writes a row below the last row with content, growing the sheet when it
   * is full. Strings are read as typed input; '=…' makes a formula.
   */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents))
      throw signatureMismatch('Sheet.appendRow', [rowContents]);
    const sheet = this.sheetModel;
    const model = this.spreadsheetModel;
    const row = sheet.lastRow() + 1;
    const width = Math.max(rowContents.length, 1);
    if (row > sheet.maxRows) {
      model.insertDimension(
        sheet,
        'ROWS',
        sheet.maxRows + 1,
        row - sheet.maxRows,
        sheet.maxRows,
      );
    }
    if (width > sheet.maxColumns) {
      model.insertDimension(
        sheet,
        'COLUMNS',
        sheet.maxColumns + 1,
        width - sheet.maxColumns,
        sheet.maxColumns,
      );
    }
    const data = [rowContents.length ? rowContents : ['']];
    const prepared = prepareCells(sheet, row, 1, data, {
      timeZone: model.timeZone,
      now: this.ctx.host.now(),
    });
    writePrepared(sheet, row, 1, prepared);
    this.ctx.host.cellsChanged(sheet.name);
    return this;
  }

  sort(columnPosition: number, ascending = true): Sheet {
    if (!isCount(columnPosition) || typeof ascending !== 'boolean') {
      throw signatureMismatch('Sheet.sort', [columnPosition, ascending]);
    }
    const sheet = this.sheetModel;
    const first = sheet.frozenRows + 1;
    const last = sheet.lastRow();
    if (last >= first) {
      const body: Rect = {r1: first, c1: 1, r2: last, c2: sheet.maxColumns};
      sortBlock(new Range(this.ctx, this.spreadsheetModel, sheet, body), {
        column: columnPosition,
        ascending,
      });
    }
    return this;
  }

  // --- frozen panes, visibility, sizes ---

  setFrozenRows(rows: number): void {
    if (!isCount(rows)) throw signatureMismatch('Sheet.setFrozenRows', [rows]);
    if (rows < 0 || rows >= this.sheetModel.maxRows) {
      throw exception("You can't freeze all visible rows on the sheet.");
    }
    this.sheetModel.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.sheetModel.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (!isCount(columns))
      throw signatureMismatch('Sheet.setFrozenColumns', [columns]);
    if (columns < 0 || columns >= this.sheetModel.maxColumns) {
      throw exception("You can't freeze all visible columns on the sheet.");
    }
    this.sheetModel.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.sheetModel.frozenColumns;
  }

  hideSheet(): Sheet {
    const visible = this.spreadsheetModel.sheets.filter(
      s => !s.hidden && s !== this.sheetModel,
    );
    if (!this.sheetModel.hidden && visible.length === 0)
      throw exception(MESSAGES.hideAllSheets);
    this.sheetModel.hidden = true;
    return this;
  }

  showSheet(): Sheet {
    this.sheetModel.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.sheetModel.hidden;
  }

  setTabColor(color: string | null): Sheet {
    this.sheetModel.tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    return this.sheetModel.tabColor;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    setSizes(
      this.sheetModel.columnWidths,
      columnPosition,
      1,
      width,
      'Sheet.setColumnWidth',
      [columnPosition, width],
    );
    return this;
  }

  setColumnWidths(
    startColumn: number,
    numColumns: number,
    width: number,
  ): Sheet {
    setSizes(
      this.sheetModel.columnWidths,
      startColumn,
      numColumns,
      width,
      'Sheet.setColumnWidths',
      [startColumn, numColumns, width],
    );
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return (
      this.sheetModel.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH
    );
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    setSizes(
      this.sheetModel.rowHeights,
      rowPosition,
      1,
      height,
      'Sheet.setRowHeight',
      [rowPosition, height],
    );
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    setSizes(
      this.sheetModel.rowHeights,
      startRow,
      numRows,
      height,
      'Sheet.setRowHeights',
      [startRow, numRows, height],
    );
    return this;
  }

  getRowHeight(rowPosition: number): number {
    return this.sheetModel.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    if (!isCount(columnPosition))
      throw signatureMismatch('Sheet.autoResizeColumn', [columnPosition]);
    this.sheetModel.columnWidths.set(
      columnPosition,
      fittedWidth(this.sheetModel, columnPosition),
    );
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    if (!isCount(startColumn) || !isCount(numColumns)) {
      throw signatureMismatch('Sheet.autoResizeColumns', [
        startColumn,
        numColumns,
      ]);
    }
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      this.sheetModel.columnWidths.set(c, fittedWidth(this.sheetModel, c));
    }
    return this;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    setHidden(
      this,
      'COLUMNS',
      columnIndex,
      numColumns,
      true,
      'Sheet.hideColumns',
      [columnIndex, numColumns],
    );
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    setHidden(
      this,
      'COLUMNS',
      columnIndex,
      numColumns,
      false,
      'Sheet.showColumns',
      [columnIndex, numColumns],
    );
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.sheetModel.hiddenColumns.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    setHidden(this, 'ROWS', rowIndex, numRows, true, 'Sheet.hideRows', [
      rowIndex,
      numRows,
    ]);
  }

  showRows(rowIndex: number, numRows = 1): void {
    setHidden(this, 'ROWS', rowIndex, numRows, false, 'Sheet.showRows', [
      rowIndex,
      numRows,
    ]);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this.sheetModel.hiddenRows.has(rowPosition);
  }

  // --- clearing ---

  /** Contents and formats (validation and notes stay, as in Sheets). */
  clear(options?: {contentsOnly?: boolean; formatOnly?: boolean}): Sheet {
    const sheet = this.sheetModel;
    const all = sheet.bounds;
    if (!options?.formatOnly) {
      sheet.clearContents(all);
      this.ctx.host.cellsChanged(sheet.name);
    }
    if (!options?.contentsOnly) sheet.clearFormats(all);
    return this;
  }

  clearContents(): Sheet {
    this.sheetModel.clearContents(this.sheetModel.bounds);
    this.ctx.host.cellsChanged(this.sheetModel.name);
    return this;
  }

  clearFormats(): Sheet {
    this.sheetModel.clearFormats(this.sheetModel.bounds);
    return this;
  }

  clearNotes(): Sheet {
    this.sheetModel.notes.clearRect(this.sheetModel.bounds);
    return this;
  }

  // --- developer metadata ---

  /** (key), (key, visibility), (key, value) or (key, value, visibility). */
  addDeveloperMetadata(
    ...args: [key: string, valueOrVisibility?: unknown, visibility?: unknown]
  ): Sheet {
    addMetadata(
      this.spreadsheetModel,
      {type: 'SHEET', sheetId: this.sheetModel.sheetId},
      'Sheet.addDeveloperMetadata',
      args,
    );
    return this;
  }

  /** The sheet's own metadata (not its rows' or columns'). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    const id = this.sheetModel.sheetId;
    return metadataAt(
      this.ctx,
      this.spreadsheetModel,
      loc => loc.type === 'SHEET' && loc.sheetId === id,
    );
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, this.spreadsheetModel, {
      kind: 'sheet',
      sheetId: this.sheetModel.sheetId,
    });
  }

  // --- selection ---

  activate(): Sheet {
    activateSheet(
      this.ctx.resolver.selection(this.spreadsheetModel),
      this.sheetModel,
    );
    return this;
  }

  getActiveRange(): Range | null {
    const selection = this.ctx.resolver.selection(this.spreadsheetModel);
    if (selection.sheetId !== this.sheetModel.sheetId) return null;
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, {
      ...selection.range,
    });
  }

  getCurrentCell(): Range | null {
    const selection = this.ctx.resolver.selection(this.spreadsheetModel);
    if (selection.sheetId !== this.sheetModel.sheetId) return null;
    const {row, col} = selection.current;
    return new Range(
      this.ctx,
      this.spreadsheetModel,
      this.sheetModel,
      rectOf(row, col, 1, 1),
    );
  }

  setActiveRange(range: Range): Range {
    if (!(range instanceof Range) || range.sheetModel !== this.sheetModel) {
      throw signatureMismatch('Sheet.setActiveRange', [range]);
    }
    selectRect(
      this.ctx.resolver.selection(this.spreadsheetModel),
      this.sheetModel.sheetId,
      range.rect,
    );
    return range;
  }

  // --- charts, protection, filter, named ranges ---

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(
      this.ctx,
      this.spreadsheetModel,
      newDraft(),
    );
  }

  insertChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart))
      throw signatureMismatch('Sheet.insertChart', [chart]);
    placeChart(this.spreadsheetModel, this.sheetModel, chart, false);
  }

  updateChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart))
      throw signatureMismatch('Sheet.updateChart', [chart]);
    placeChart(this.spreadsheetModel, this.sheetModel, chart, true);
  }

  removeChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart))
      throw signatureMismatch('Sheet.removeChart', [chart]);
    const id = chart.draft.chartId;
    this.sheetModel.charts = this.sheetModel.charts.filter(
      c => c.chartId !== id,
    );
  }

  getCharts(): EmbeddedChart[] {
    return this.sheetModel.charts.map(c =>
      chartOf(this.ctx, this.spreadsheetModel, c),
    );
  }

  protect(): Protection {
    return addProtection(
      this.ctx,
      this.spreadsheetModel,
      this.sheetModel,
      'SHEET',
      null,
    );
  }

  getProtections(type: EnumValue): Protection[] {
    return protectionsOf(
      this.ctx,
      this.spreadsheetModel,
      [this.sheetModel],
      type,
      'Sheet.getProtections',
    );
  }

  getFilter(): Filter | null {
    return filterOf(this.ctx, this.spreadsheetModel, this.sheetModel);
  }

  getNamedRanges(): NamedRange[] {
    return namedRangesOf(
      this.ctx,
      this.spreadsheetModel,
      this.sheetModel.sheetId,
    );
  }
}
instrument(Sheet, 'Sheet');
