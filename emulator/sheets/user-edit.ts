/**
 * A user typing into a cell (the playground's grid, CLI scenarios): the text
 * is read as typed input, written without going through the counted script
 * API, and the change is described the way onEdit's event gives it.
 */
import type {CellValue} from '../workbook';
import {prepareCells, writePrepared} from './cell-input';
import type {SpreadsheetModel} from './model';
import {dateToSerial} from './zones';

/** e.value / e.oldValue of a single-cell edit; each is absent when that side is empty. */
export interface UserEdit {
  oldValue?: string;
  value?: string;
}

/**
 * A cell value as onEdit reports it: TRUE/FALSE for booleans (so a ticked
 * checkbox is "TRUE"), numbers as digits, dates as their serial number.
 */
export function eventText(value: CellValue, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(dateToSerial(value, timeZone));
  return String(value);
}

/**
 * Applies what a user typed into one cell (row/col 1-based). '=…' enters a
 * formula (left to the runtime to compute), "'…" keeps text, 'TRUE' ticks a
 * checkbox. Throws a plain Error for a missing sheet or a cell outside it.
 */
export function applyUserEdit(
  model: SpreadsheetModel,
  sheetName: string,
  row: number,
  col: number,
  typed: string,
  now: Date,
): UserEdit {
  const sheet = model.sheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet named ${sheetName}`);
  if (row < 1 || col < 1 || row > sheet.maxRows || col > sheet.maxColumns) {
    throw new Error(`${sheetName} has no cell at row ${row}, column ${col}`);
  }
  const before = sheet.value(row, col);
  const prepared = prepareCells(sheet, row, col, [[typed]], {
    timeZone: model.timeZone,
    now,
  });
  writePrepared(sheet, row, col, prepared);
  const after = sheet.value(row, col);
  const edit: UserEdit = {};
  if (before !== '') edit.oldValue = eventText(before, model.timeZone);
  if (after !== '') edit.value = eventText(after, model.timeZone);
  return edit;
}
