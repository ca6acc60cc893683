/**
 * Range: a block of cells of one sheet, 1-based, with Apps Script's reads and
 * writes. Reads return fresh arrays (a caller mutating them changes nothing);
 * writes go through cell-input.ts (typed-input parsing, formulas) and
 * sheet-model.ts (spills), then tell the host which sheet changed.
 */
import type {CellValue} from '../workbook';
import {formatA1} from './a1';
import {InputOptions, prepareCells, writePrepared} from './cell-input';
import {ApiContext, instrument} from './context';
import {displayValue, effectiveFormat} from './display';
import {WrapStrategy, EnumValue, enumName} from './enums';
import {MESSAGES, exception, signatureMismatch} from './errors';
import {Filter, filterOf} from './filter';
import {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  addMetadata,
  metadataAt,
} from './metadata';
import type {SpreadsheetModel} from './model';
import {Protection, addProtection} from './protection';
import {Rect, contains, fill, height, intersects, rectOf, width} from './rect';
import type {
  MetadataLocation,
  StyleName,
  StyleValue,
  ValidationRule,
} from './records';
import {STYLE_DEFAULTS} from './records';
import {
  checkboxValues,
  checkedValue,
  isCheckbox,
  uncheckedValue,
} from './rules';
import {selectRect} from './selection';
import {Sheet} from './sheet';
import type {SheetModel} from './sheet-model';
import {DataValidation} from './validation';

/**
 * Validates getRange/offset coordinates with the platform's messages and
 * returns the block.
 */
export function checkedRect(
  sheet: SheetModel,
  method: string,
  args: ArrayLike<unknown>,
  row: unknown,
  col: unknown,
  numRows: unknown,
  numCols: unknown,
): Rect {
  const all = [row, col, numRows, numCols];
  if (!all.every(n => typeof n === 'number' && Number.isFinite(n))) {
    throw signatureMismatch(method, args, true);
  }
  const [r, c, nr, nc] = (all as number[]).map(Math.floor);
  if (r < 1) throw exception(MESSAGES.startRow);
  if (c < 1) throw exception(MESSAGES.startColumn);
  if (nr < 1) throw exception(MESSAGES.numRows);
  if (nc < 1) throw exception(MESSAGES.numColumns);
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxColumns) {
    throw exception(MESSAGES.outside);
  }
  return rectOf(r, c, nr, nc);
}

/** Checks a 2-D argument has the range's shape, with Apps Script's messages. */
function checkShape(
  rect: Rect,
  data: unknown,
  method: string,
  args: ArrayLike<unknown>,
): unknown[][] {
  if (!Array.isArray(data) || data.some(line => !Array.isArray(line))) {
    throw signatureMismatch(method, args);
  }
  if (data.length !== height(rect)) {
    throw exception(MESSAGES.dataShape('rows', data.length, height(rect)));
  }
  for (const line of data as unknown[][]) {
    if (line.length !== width(rect)) {
      throw exception(MESSAGES.dataShape('columns', line.length, width(rect)));
    }
  }
  return data as unknown[][];
}

function inputOptions(range: Range): InputOptions {
  return {
    timeZone: range.spreadsheetModel.timeZone,
    now: range.ctx.host.now(),
  };
}

/** Writes script values (strings read as typed input) and reports the change. */
function writeInput(
  range: Range,
  data: ReadonlyArray<ReadonlyArray<unknown>>,
): void {
  const {r1, c1} = range.rect;
  writePrepared(
    range.sheetModel,
    r1,
    c1,
    prepareCells(range.sheetModel, r1, c1, data, inputOptions(range)),
  );
  range.ctx.host.cellsChanged(range.sheetModel.name);
}

function formulaGrid(range: Range): string[][] {
  const out = fill(range.rect, '');
  for (const [r, c, formula] of range.sheetModel.formulas.within(range.rect)) {
    out[r - range.rect.r1][c - range.rect.c1] = formula;
  }
  return out;
}

function noteGrid(range: Range): string[][] {
  const out = fill(range.rect, '');
  for (const [r, c, note] of range.sheetModel.notes.within(range.rect)) {
    out[r - range.rect.r1][c - range.rect.c1] = note;
  }
  return out;
}

function formatGrid(range: Range): Array<Array<string | null>> {
  const layer = range.sheetModel.numberFormats;
  return layer.isEmpty()
    ? fill<string | null>(range.rect, null)
    : layer.paint(range.rect);
}

/** Each cell's value and number format through displayValue or effectiveFormat. */
function formattedGrid(
  range: Range,
  show: (value: CellValue, format: string | null, timeZone: string) => string,
): string[][] {
  const values = range.sheetModel.readValues(range.rect);
  const formats = formatGrid(range);
  const tz = range.spreadsheetModel.timeZone;
  return values.map((line, i) =>
    line.map((v, j) => show(v, formats[i][j], tz)),
  );
}

function validationGrid(range: Range): Array<Array<DataValidation | null>> {
  const rules = range.sheetModel.validations.paint(range.rect);
  const model = range.spreadsheetModel;
  return rules.map(line =>
    line.map(rule =>
      rule ? new DataValidation(range.ctx, rule, model) : null,
    ),
  );
}

function setStyle(
  range: Range,
  name: StyleName,
  value: unknown,
  method: string,
): Range {
  if (
    value !== null &&
    typeof value !== 'string' &&
    typeof value !== 'number'
  ) {
    throw signatureMismatch(`Range.${method}`, [value]);
  }
  range.sheetModel.style(name).set(range.rect, value);
  range.sheetModel.touch();
  return range;
}

function setStyles(
  range: Range,
  name: StyleName,
  data: unknown,
  method: string,
): Range {
  const grid = checkShape(range.rect, data, `Range.${method}`, [data]);
  range.sheetModel.style(name).setGrid(
    range.rect.r1,
    range.rect.c1,
    grid.map(line =>
      line.map(v => (v === null || v === undefined ? null : (v as StyleValue))),
    ),
  );
  range.sheetModel.touch();
  return range;
}

function styleGrid(range: Range, name: StyleName): StyleValue[][] {
  const layer = range.sheetModel.styles.get(name);
  const painted = layer
    ? layer.paint(range.rect)
    : fill<StyleValue | null>(range.rect, null);
  return painted.map(line => line.map(v => v ?? STYLE_DEFAULTS[name]));
}

function styleAt(range: Range, name: StyleName): StyleValue {
  return (
    range.sheetModel.styles.get(name)?.get(range.rect.r1, range.rect.c1) ??
    STYLE_DEFAULTS[name]
  );
}

/** The metadata location a whole-row or whole-column range stands for, if it is one. */
function dimensionLocation(
  range: Range,
): Extract<MetadataLocation, {type: 'ROW' | 'COLUMN'}> | null {
  const {rect, sheetModel: sheet} = range;
  const wholeColumns = rect.r1 === 1 && rect.r2 === sheet.maxRows;
  const wholeRows = rect.c1 === 1 && rect.c2 === sheet.maxColumns;
  if (wholeColumns && (!wholeRows || width(rect) <= height(rect))) {
    return {
      type: 'COLUMN',
      sheetId: sheet.sheetId,
      start: rect.c1,
      end: rect.c2,
    };
  }
  if (wholeRows)
    return {type: 'ROW', sheetId: sheet.sheetId, start: rect.r1, end: rect.r2};
  return null;
}

const MERGE_CONFLICT =
  'You must select all cells in a merged range to merge or unmerge them.';

/** Drops the merges inside the range; one sticking out of it is refused. */
function unmergeWithin(range: Range): void {
  const sheet = range.sheetModel;
  if (
    sheet.merges.some(
      m => intersects(m, range.rect) && !contains(range.rect, m),
    )
  ) {
    throw exception(MERGE_CONFLICT);
  }
  sheet.merges = sheet.merges.filter(m => !contains(range.rect, m));
}

function mergeBlocks(range: Range, blocks: Rect[]): Range {
  const sheet = range.sheetModel;
  unmergeWithin(range);
  for (const block of blocks) {
    if (block.r1 === block.r2 && block.c1 === block.c2) continue;
    // Merging keeps the top-left cell's content only.
    const keep = sheet.value(block.r1, block.c1);
    const keepFormula = sheet.formulas.get(block.r1, block.c1);
    sheet.clearContents(block);
    sheet.writeCells(
      block.r1,
      block.c1,
      [[keep]],
      keepFormula ? [[keepFormula]] : null,
    );
    sheet.merges.push(block);
  }
  range.ctx.host.cellsChanged(sheet.name);
  return range;
}

type SortSpec = {column: number; ascending: boolean};

function sortSpecs(range: Range, spec: unknown): SortSpec[] {
  const items = Array.isArray(spec) ? spec : [spec];
  return items.map(item => {
    const s =
      typeof item === 'number'
        ? {column: item, ascending: true}
        : item !== null &&
            typeof item === 'object' &&
            typeof (item as SortSpec).column === 'number'
          ? {
              column: (item as SortSpec).column,
              ascending: (item as SortSpec).ascending !== false,
            }
          : null;
    if (!s) throw signatureMismatch('Range.sort', [spec]);
    if (s.column < range.rect.c1 || s.column > range.rect.c2) {
      throw exception(
        `Sort column ${s.column} is outside the range ${formatA1(range.rect, range.sheetModel.maxRows, range.sheetModel.maxColumns)}.`,
      );
    }
    return s;
  });
}

/** Sheets' ascending order: numbers and dates, then text, then booleans; blanks always last. */
function compareCells(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) =>
    typeof v === 'number' || v instanceof Date
      ? 0
      : v === ''
        ? 3
        : typeof v === 'string'
          ? 1
          : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 1)
    return String(a).localeCompare(String(b), 'en', {sensitivity: 'base'});
  return Number(a) - Number(b);
}

export class Range {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
    readonly rect: Rect,
  ) {}

  toString(): string {
    return 'Range';
  }

  // --- geometry ---

  getRow(): number {
    return this.rect.r1;
  }
  getRowIndex(): number {
    return this.rect.r1;
  }
  getColumn(): number {
    return this.rect.c1;
  }
  getNumRows(): number {
    return height(this.rect);
  }
  getNumColumns(): number {
    return width(this.rect);
  }
  getHeight(): number {
    return height(this.rect);
  }
  getWidth(): number {
    return width(this.rect);
  }
  getLastRow(): number {
    return this.rect.r2;
  }
  getLastColumn(): number {
    return this.rect.c2;
  }
  getA1Notation(): string {
    return formatA1(
      this.rect,
      this.sheetModel.maxRows,
      this.sheetModel.maxColumns,
    );
  }
  getSheet(): Sheet {
    return new Sheet(this.ctx, this.spreadsheetModel, this.sheetModel);
  }
  getGridId(): number {
    return this.sheetModel.sheetId;
  }

  offset(
    ...args: [
      rowOffset: number,
      columnOffset: number,
      numRows?: number,
      numColumns?: number,
    ]
  ): Range {
    const [rowOffset, columnOffset, numRows, numColumns] = args;
    if (typeof rowOffset !== 'number' || typeof columnOffset !== 'number') {
      throw signatureMismatch('Range.offset', args, true);
    }
    const rect = checkedRect(
      this.sheetModel,
      'Range.offset',
      args,
      this.rect.r1 + rowOffset,
      this.rect.c1 + columnOffset,
      args.length >= 3 ? numRows : height(this.rect),
      args.length >= 4 ? numColumns : width(this.rect),
    );
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, rect);
  }

  getCell(row: number, column: number): Range {
    if (typeof row !== 'number' || typeof column !== 'number') {
      throw signatureMismatch('Range.getCell', [row, column]);
    }
    if (
      row < 1 ||
      column < 1 ||
      row > height(this.rect) ||
      column > width(this.rect)
    ) {
      throw exception('Cell reference out of range');
    }
    const r = this.rect.r1 + row - 1;
    const c = this.rect.c1 + column - 1;
    return new Range(
      this.ctx,
      this.spreadsheetModel,
      this.sheetModel,
      rectOf(r, c, 1, 1),
    );
  }

  // --- values and formulas ---

  getValue(): CellValue {
    const v = this.sheetModel.value(this.rect.r1, this.rect.c1);
    return v instanceof Date ? new Date(v.getTime()) : v;
  }

  getValues(): CellValue[][] {
    return this.sheetModel.readValues(this.rect);
  }

  getDisplayValue(): string {
    const {r1, c1} = this.rect;
    return displayValue(
      this.sheetModel.value(r1, c1),
      this.sheetModel.numberFormats.get(r1, c1),
      this.spreadsheetModel.timeZone,
    );
  }

  getDisplayValues(): string[][] {
    return formattedGrid(this, displayValue);
  }

  /** Sets every cell of the range to one value (null or undefined empties them). */
  setValue(value: unknown): Range {
    if (Array.isArray(value))
      throw signatureMismatch('Range.setValue', [value]);
    writeInput(this, fill(this.rect, value));
    return this;
  }

  setValues(values: unknown[][]): Range {
    writeInput(
      this,
      checkShape(this.rect, values, 'Range.setValues', [values]),
    );
    return this;
  }

  getFormula(): string {
    return this.sheetModel.formulas.get(this.rect.r1, this.rect.c1) ?? '';
  }

  getFormulas(): string[][] {
    return formulaGrid(this);
  }

  setFormula(formula: string): Range {
    if (typeof formula !== 'string')
      throw signatureMismatch('Range.setFormula', [formula]);
    writeInput(this, fill(this.rect, formula));
    return this;
  }

  setFormulas(formulas: string[][]): Range {
    const grid = checkShape(this.rect, formulas, 'Range.setFormulas', [
      formulas,
    ]);
    if (grid.some(line => line.some(f => typeof f !== 'string'))) {
      throw signatureMismatch('Range.setFormulas', [formulas]);
    }
    writeInput(this, grid);
    return this;
  }

  isBlank(): boolean {
    return (
      this.sheetModel.formulas.within(this.rect).length === 0 &&
      this.sheetModel
        .readValues(this.rect)
        .every(line => line.every(v => v === ''))
    );
  }

  clearContent(): Range {
    this.sheetModel.clearContents(this.rect);
    this.ctx.host.cellsChanged(this.sheetModel.name);
    return this;
  }

  /** With no options: contents and formats (notes and validation stay, as in Sheets). */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
  }): Range {
    const o = options ?? {};
    const only =
      o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const sheet = this.sheetModel;
    if (!only || o.contentsOnly) {
      sheet.clearContents(this.rect);
      this.ctx.host.cellsChanged(sheet.name);
    }
    if (!only || o.formatOnly) sheet.clearFormats(this.rect);
    if (o.commentsOnly) sheet.notes.clearRect(this.rect);
    if (o.validationsOnly) sheet.validations.set(this.rect, null);
    sheet.touch();
    return this;
  }

  clearFormat(): Range {
    this.sheetModel.clearFormats(this.rect);
    return this;
  }

  // --- notes ---

  getNote(): string {
    return this.sheetModel.notes.get(this.rect.r1, this.rect.c1) ?? '';
  }

  getNotes(): string[][] {
    return noteGrid(this);
  }

  setNote(note: string | null): Range {
    if (note !== null && typeof note !== 'string')
      throw signatureMismatch('Range.setNote', [note]);
    if (!note) this.sheetModel.notes.clearRect(this.rect);
    else {
      for (let r = this.rect.r1; r <= this.rect.r2; r++) {
        for (let c = this.rect.c1; c <= this.rect.c2; c++)
          this.sheetModel.notes.set(r, c, note);
      }
    }
    return this;
  }

  setNotes(notes: Array<Array<string | null>>): Range {
    const grid = checkShape(this.rect, notes, 'Range.setNotes', [notes]);
    grid.forEach((line, i) =>
      line.forEach((note, j) => {
        const text = note === null || note === undefined ? '' : String(note);
        this.sheetModel.notes.set(
          this.rect.r1 + i,
          this.rect.c1 + j,
          text || undefined,
        );
      }),
    );
    return this;
  }

  clearNote(): Range {
    this.sheetModel.notes.clearRect(this.rect);
    return this;
  }

  // --- number formats ---

  getNumberFormat(): string {
    const {r1, c1} = this.rect;
    return effectiveFormat(
      this.sheetModel.value(r1, c1),
      this.sheetModel.numberFormats.get(r1, c1),
      this.spreadsheetModel.timeZone,
    );
  }

  getNumberFormats(): string[][] {
    return formattedGrid(this, effectiveFormat);
  }

  setNumberFormat(numberFormat: string): Range {
    if (typeof numberFormat !== 'string') {
      throw signatureMismatch('Range.setNumberFormat', [numberFormat]);
    }
    this.sheetModel.numberFormats.set(this.rect, numberFormat);
    this.sheetModel.touch();
    return this;
  }

  setNumberFormats(numberFormats: string[][]): Range {
    const grid = checkShape(
      this.rect,
      numberFormats,
      'Range.setNumberFormats',
      [numberFormats],
    );
    this.sheetModel.numberFormats.setGrid(
      this.rect.r1,
      this.rect.c1,
      grid.map(line =>
        line.map(f => (typeof f === 'string' && f !== '' ? f : null)),
      ),
    );
    this.sheetModel.touch();
    return this;
  }

  // --- data validation and checkboxes ---

  getDataValidation(): DataValidation | null {
    const rule = this.sheetModel.validations.get(this.rect.r1, this.rect.c1);
    return rule && new DataValidation(this.ctx, rule, this.spreadsheetModel);
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    return validationGrid(this);
  }

  setDataValidation(rule: DataValidation | null): Range {
    if (rule !== null && !(rule instanceof DataValidation)) {
      throw signatureMismatch('Range.setDataValidation', [rule]);
    }
    this.sheetModel.validations.set(this.rect, rule ? rule.rule : null);
    this.sheetModel.touch();
    return this;
  }

  setDataValidations(rules: Array<Array<DataValidation | null>>): Range {
    const grid = checkShape(this.rect, rules, 'Range.setDataValidations', [
      rules,
    ]);
    if (
      grid.some(line =>
        line.some(v => v !== null && !(v instanceof DataValidation)),
      )
    ) {
      throw signatureMismatch('Range.setDataValidations', [rules]);
    }
    this.sheetModel.validations.setGrid(
      this.rect.r1,
      this.rect.c1,
      grid.map(line =>
        line.map(v => (v instanceof DataValidation ? v.rule : null)),
      ),
    );
    this.sheetModel.touch();
    return this;
  }

  clearDataValidations(): Range {
    this.sheetModel.validations.set(this.rect, null);
    this.sheetModel.touch();
    return this;
  }

  /** Adds checkbox validation and sets every cell to the unticked value. */
  insertCheckboxes(
    ...values: [checkedValue?: unknown, uncheckedValue?: unknown]
  ): Range {
    const rule: ValidationRule = {
      criteria: 'CHECKBOX',
      values: checkboxValues('Range.insertCheckboxes', values),
      allowInvalid: true,
      helpText: null,
    };
    this.sheetModel.validations.set(this.rect, rule);
    this.sheetModel.writeCells(
      this.rect.r1,
      this.rect.c1,
      fill(this.rect, uncheckedValue(rule)),
      null,
    );
    this.ctx.host.cellsChanged(this.sheetModel.name);
    return this;
  }

  /** Drops checkbox validation; cells holding a ticked/unticked value are emptied. */
  removeCheckboxes(): Range {
    const sheet = this.sheetModel;
    const rules = sheet.validations.paint(this.rect);
    const values = sheet.readValues(this.rect);
    let changed = false;
    rules.forEach((line, i) =>
      line.forEach((rule, j) => {
        if (!isCheckbox(rule)) return;
        const v = values[i][j];
        if (v === checkedValue(rule) || v === uncheckedValue(rule)) {
          sheet.setValue(this.rect.r1 + i, this.rect.c1 + j, '');
          changed = true;
        }
        sheet.validations.set(
          rectOf(this.rect.r1 + i, this.rect.c1 + j, 1, 1),
          null,
        );
      }),
    );
    if (changed) this.ctx.host.cellsChanged(sheet.name);
    sheet.touch();
    return this;
  }

  /** true if every cell is a ticked checkbox, false if all unticked, else null. */
  isChecked(): boolean | null {
    const rules = this.sheetModel.validations.paint(this.rect);
    const values = this.sheetModel.readValues(this.rect);
    let ticked = 0;
    let unticked = 0;
    rules.forEach((line, i) =>
      line.forEach((rule, j) => {
        if (!isCheckbox(rule)) return;
        if (values[i][j] === checkedValue(rule)) ticked++;
        else if (values[i][j] === uncheckedValue(rule)) unticked++;
      }),
    );
    const cells = height(this.rect) * width(this.rect);
    if (ticked === cells) return true;
    if (unticked === cells) return false;
    return null;
  }

  check(): Range {
    setCheckboxes(this, true);
    return this;
  }

  uncheck(): Range {
    setCheckboxes(this, false);
    return this;
  }

  // --- styles (recorded) ---

  setFontWeight(fontWeight: string | null): Range {
    return setStyle(this, 'fontWeight', fontWeight, 'setFontWeight');
  }
  setFontWeights(fontWeights: Array<Array<string | null>>): Range {
    return setStyles(this, 'fontWeight', fontWeights, 'setFontWeights');
  }
  getFontWeight(): string {
    return String(styleAt(this, 'fontWeight'));
  }
  getFontWeights(): string[][] {
    return styleGrid(this, 'fontWeight').map(line => line.map(String));
  }
  setFontStyle(fontStyle: string | null): Range {
    return setStyle(this, 'fontStyle', fontStyle, 'setFontStyle');
  }
  getFontStyle(): string {
    return String(styleAt(this, 'fontStyle'));
  }
  setFontLine(fontLine: string | null): Range {
    return setStyle(this, 'fontLine', fontLine, 'setFontLine');
  }
  getFontLine(): string {
    return String(styleAt(this, 'fontLine'));
  }
  setFontColor(color: string | null): Range {
    return setStyle(this, 'fontColor', color, 'setFontColor');
  }
  setFontColors(colors: Array<Array<string | null>>): Range {
    return setStyles(this, 'fontColor', colors, 'setFontColors');
  }
  getFontColor(): string {
    return String(styleAt(this, 'fontColor'));
  }
  setFontSize(size: number): Range {
    return setStyle(this, 'fontSize', size, 'setFontSize');
  }
  getFontSize(): number {
    return Number(styleAt(this, 'fontSize'));
  }
  setFontFamily(fontFamily: string | null): Range {
    return setStyle(this, 'fontFamily', fontFamily, 'setFontFamily');
  }
  getFontFamily(): string {
    return String(styleAt(this, 'fontFamily'));
  }
  setBackground(color: string | null): Range {
    return setStyle(this, 'background', color, 'setBackground');
  }
  setBackgrounds(colors: Array<Array<string | null>>): Range {
    return setStyles(this, 'background', colors, 'setBackgrounds');
  }
  getBackground(): string {
    return String(styleAt(this, 'background'));
  }
  getBackgrounds(): string[][] {
    return styleGrid(this, 'background').map(line => line.map(String));
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return setStyle(
      this,
      'horizontalAlignment',
      alignment,
      'setHorizontalAlignment',
    );
  }
  setHorizontalAlignments(alignments: Array<Array<string | null>>): Range {
    return setStyles(
      this,
      'horizontalAlignment',
      alignments,
      'setHorizontalAlignments',
    );
  }
  getHorizontalAlignment(): string {
    return String(styleAt(this, 'horizontalAlignment'));
  }
  setVerticalAlignment(alignment: string | null): Range {
    return setStyle(
      this,
      'verticalAlignment',
      alignment,
      'setVerticalAlignment',
    );
  }
  getVerticalAlignment(): string {
    return String(styleAt(this, 'verticalAlignment'));
  }
  setWrap(isWrapEnabled: boolean): Range {
    if (typeof isWrapEnabled !== 'boolean')
      throw signatureMismatch('Range.setWrap', [isWrapEnabled]);
    return setStyle(
      this,
      'wrapStrategy',
      isWrapEnabled ? 'WRAP' : 'OVERFLOW',
      'setWrap',
    );
  }
  getWrap(): boolean {
    return styleAt(this, 'wrapStrategy') === 'WRAP';
  }
  setWrapStrategy(strategy: EnumValue): Range {
    const name = enumName(WrapStrategy, strategy);
    if (!name) throw signatureMismatch('Range.setWrapStrategy', [strategy]);
    return setStyle(this, 'wrapStrategy', name, 'setWrapStrategy');
  }
  getWrapStrategy(): EnumValue {
    return WrapStrategy[
      String(styleAt(this, 'wrapStrategy')) as keyof typeof WrapStrategy
    ];
  }

  // --- merges ---

  merge(): Range {
    return mergeBlocks(this, [this.rect]);
  }

  mergeAcross(): Range {
    const rows: Rect[] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      rows.push({r1: r, c1: this.rect.c1, r2: r, c2: this.rect.c2});
    }
    return mergeBlocks(this, rows);
  }

  mergeVertically(): Range {
    const cols: Rect[] = [];
    for (let c = this.rect.c1; c <= this.rect.c2; c++) {
      cols.push({r1: this.rect.r1, c1: c, r2: this.rect.r2, c2: c});
    }
    return mergeBlocks(this, cols);
  }

  breakApart(): Range {
    unmergeWithin(this);
    return this;
  }

  isPartOfMerge(): boolean {
    return this.sheetModel.merges.some(m => intersects(m, this.rect));
  }

  getMergedRanges(): Range[] {
    return this.sheetModel.merges
      .filter(m => intersects(m, this.rect))
      .map(
        m =>
          new Range(this.ctx, this.spreadsheetModel, this.sheetModel, {...m}),
      );
  }

  // --- developer metadata ---

  /** (key), (key, visibility), (key, value) or (key, value, visibility). */
  addDeveloperMetadata(
    ...args: [key: string, valueOrVisibility?: unknown, visibility?: unknown]
  ): Range {
    const location = dimensionLocation(this);
    if (!location) throw exception(MESSAGES.arbitraryMetadata);
    addMetadata(
      this.spreadsheetModel,
      location,
      'Range.addDeveloperMetadata',
      args,
    );
    return this;
  }

  /** Metadata on exactly these whole rows/columns. */
  getDeveloperMetadata(): DeveloperMetadata[] {
    const here = dimensionLocation(this);
    if (!here) return [];
    return metadataAt(
      this.ctx,
      this.spreadsheetModel,
      loc =>
        loc.type === here.type &&
        loc.sheetId === here.sheetId &&
        loc.start === here.start &&
        loc.end === here.end,
    );
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, this.spreadsheetModel, {
      kind: 'range',
      sheetId: this.sheetModel.sheetId,
      rect: {...this.rect},
      maxRows: this.sheetModel.maxRows,
      maxColumns: this.sheetModel.maxColumns,
    });
  }

  // --- selection, protection, filter, sort ---

  activate(): Range {
    selectRect(
      this.ctx.resolver.selection(this.spreadsheetModel),
      this.sheetModel.sheetId,
      this.rect,
    );
    return this;
  }

  activateAsCurrentCell(): Range {
    const selection = this.ctx.resolver.selection(this.spreadsheetModel);
    const inside =
      selection.sheetId === this.sheetModel.sheetId &&
      contains(selection.range, this.rect);
    selection.sheetId = this.sheetModel.sheetId;
    if (!inside) selection.range = {...this.rect};
    selection.current = {row: this.rect.r1, col: this.rect.c1};
    return this;
  }

  protect(): Protection {
    return addProtection(
      this.ctx,
      this.spreadsheetModel,
      this.sheetModel,
      'RANGE',
      {...this.rect},
    );
  }

  createFilter(): Filter {
    if (this.sheetModel.filter) throw exception(MESSAGES.filterExists);
    this.sheetModel.filter = {...this.rect};
    return new Filter(this.ctx, this.spreadsheetModel, this.sheetModel);
  }

  getFilter(): Filter | null {
    return filterOf(this.ctx, this.spreadsheetModel, this.sheetModel);
  }

  sort(sortSpecObj: unknown): Range {
    sortBlock(this, sortSpecObj);
    return this;
  }
}
instrument(Range, 'Range');

function setCheckboxes(range: Range, ticked: boolean): void {
  const sheet = range.sheetModel;
  const rules = sheet.validations.paint(range.rect);
  const values = sheet.readValues(range.rect);
  rules.forEach((line, i) =>
    line.forEach((rule, j) => {
      if (!isCheckbox(rule)) return;
      const v = values[i][j];
      if (v !== checkedValue(rule) && v !== uncheckedValue(rule)) return;
      sheet.setValue(
        range.rect.r1 + i,
        range.rect.c1 + j,
        ticked ? checkedValue(rule) : uncheckedValue(rule),
      );
    }),
  );
  range.ctx.host.cellsChanged(sheet.name);
}

/**
 * Reorders a range's rows by a sort spec (a column number, {column,
 * ascending}, or a list of them); values, formulas and notes travel with
 * their row. Shared by Range.sort and Filter.sort.
 */
export function sortBlock(range: Range, spec: unknown): void {
  sortRows(range, sortSpecs(range, spec));
}

function sortRows(range: Range, specs: SortSpec[]): void {
  const sheet = range.sheetModel;
  const {rect} = range;
  const values = sheet.readValues(rect);
  const formulas = formulaGrid(range);
  const notes = noteGrid(range);
  const order = values.map((_, i) => i);
  order.sort((a, b) => {
    for (const {column, ascending} of specs) {
      const j = column - rect.c1;
      const va = values[a][j];
      const vb = values[b][j];
      if (va === '' || vb === '') {
        if (va !== vb) return va === '' ? 1 : -1;
        continue;
      }
      const cmp = compareCells(va, vb);
      if (cmp !== 0) return ascending ? cmp : -cmp;
    }
    return a - b;
  });
  if (order.every((k, i) => k === i)) return;
  sheet.writeCells(
    rect.r1,
    rect.c1,
    order.map(k => values[k]),
    order.map(k => formulas[k].map(f => f || null)),
  );
  // Sorted formulas keep their last value rather than waiting to recompute.
  order.forEach((k, i) =>
    formulas[k].forEach((f, j) => {
      if (f) sheet.pending.delete(rect.r1 + i, rect.c1 + j);
    }),
  );
  sheet.notes.clearRect(rect);
  order.forEach((k, i) =>
    notes[k].forEach((n, j) => {
      if (n) sheet.notes.set(rect.r1 + i, rect.c1 + j, n);
    }),
  );
  range.ctx.host.cellsChanged(sheet.name);
}
