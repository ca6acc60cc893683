/**
 * Turning what a script passes to setValue(s)/appendRow, or what a user
 * types, into stored cells: '=…' becomes a formula, other strings are read as
 * typed input unless the cell is plain text ('@'), Dates are copied, null is
 * empty. Also writes the number formats typed text implies ('1,000' → '#,##0').
 */
import type {CellValue} from '../workbook';
import {TEXT_FORMAT} from './display';
import {MESSAGES, exception} from './errors';
import {Rect, fill, rectOf} from './rect';
import type {SheetModel} from './sheet-model';
import {readTypedInput} from './typed-input';

export const MAX_CELL_CHARACTERS = 50_000;

export interface PreparedCells {
  values: CellValue[][];
  /** A formula per cell (null: not a formula); null when the block has none. */
  formulas: Array<Array<string | null>> | null;
  /** Formats implied by typed text, for cells that had none; null when none. */
  formats: Array<Array<string | null>> | null;
}

export interface InputOptions {
  timeZone: string;
  /** Supplies the year of dates typed without one. */
  now: Date;
}

/** A non-string value as Sheets stores it. */
function storedValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : '#NUM!';
  if (typeof value === 'boolean') return value;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : new Date(value.getTime());
  return String(value);
}

/** The number formats of a block, painted only when some cell has one. */
function formatsOf(
  sheet: SheetModel,
  rect: Rect,
): Array<Array<string | null>> | null {
  return sheet.numberFormats.isEmpty() ? null : sheet.numberFormats.paint(rect);
}

/**
 * Reads a block of script or user input for the cells at (row, col). The
 * input must already have the block's shape.
 */
export function prepareCells(
  sheet: SheetModel,
  row: number,
  col: number,
  input: ReadonlyArray<ReadonlyArray<unknown>>,
  options: InputOptions,
): PreparedCells {
  const height = input.length;
  const width = height ? input[0].length : 0;
  const rect = rectOf(row, col, height, width);
  const plainText = sheet.numberFormats.mayHave(rect, f => f === TEXT_FORMAT)
    ? sheet.numberFormats.paint(rect)
    : null;
  let formulas: Array<Array<string | null>> | null = null;
  let implied: Array<Array<string | null>> | null = null;
  const values: CellValue[][] = new Array(height);
  for (let i = 0; i < height; i++) {
    const source = input[i];
    const line: CellValue[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const raw = source[j];
      if (typeof raw !== 'string') {
        line[j] = storedValue(raw);
        continue;
      }
      if (raw.length > MAX_CELL_CHARACTERS)
        throw exception(MESSAGES.cellTooLong);
      if (raw === '' || plainText?.[i][j] === TEXT_FORMAT) {
        line[j] = raw;
        continue;
      }
      if (raw.charCodeAt(0) === 61 /* = */ && raw.length > 1) {
        formulas ??= fill<string | null>(rect, null);
        formulas[i][j] = raw;
        line[j] = '';
        continue;
      }
      const typed = readTypedInput(raw, options.timeZone, options.now);
      if (!typed) {
        line[j] = raw;
        continue;
      }
      line[j] = typed.value;
      if (typed.format !== null) {
        implied ??= fill<string | null>(rect, null);
        implied[i][j] = typed.format;
      }
    }
    values[i] = line;
  }
  if (implied) {
    // Typing '1,000' formats an unformatted cell; a cell's own format stays.
    const existing = formatsOf(sheet, rect);
    if (existing) {
      for (let i = 0; i < height; i++) {
        for (let j = 0; j < width; j++)
          if (existing[i][j] !== null) implied[i][j] = null;
      }
    }
  }
  return {values, formulas, formats: implied};
}

/** Stores prepared cells and the formats they imply. */
export function writePrepared(
  sheet: SheetModel,
  row: number,
  col: number,
  prepared: PreparedCells,
): void {
  sheet.writeCells(row, col, prepared.values, prepared.formulas);
  if (prepared.formats)
    sheet.numberFormats.setGrid(row, col, prepared.formats, true);
}
