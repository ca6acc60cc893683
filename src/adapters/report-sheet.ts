/**
 * Sheets the add-on rebuilds from scratch (Possible duplicates, Import
 * problems, …): cleared and rewritten with one setValues(), never touching
 * any other sheet. Text columns are plain text before the write, so text
 * from outside is stored as text, never as a formula.
 */
import {PLAIN_TEXT} from '../core/cells';
import {insertSheetQuietly} from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type ReportCell = string | number | boolean | Date;

export function rebuildReportSheet(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  rows: ReportCell[][],
  notes: readonly string[] = [],
): Sheet {
  const sheet = ss.getSheetByName(name) ?? insertSheetQuietly(ss, name);
  sheet.clear();
  const width = headers.length;
  const height = rows.length + 1;
  if (height > sheet.getMaxRows()) {
    sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  }
  if (width > sheet.getMaxColumns()) {
    sheet.insertColumnsAfter(
      sheet.getMaxColumns(),
      width - sheet.getMaxColumns(),
    );
  }
  for (let c = 0; rows.length && c < width; c++) {
    if (rows.every(row => typeof row[c] === 'string')) {
      sheet.getRange(2, c + 1, rows.length, 1).setNumberFormat(PLAIN_TEXT);
    }
  }
  sheet.getRange(1, 1, height, width).setValues([[...headers], ...rows]);
  const header = sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  if (notes.length) header.setNotes([headers.map((_, i) => notes[i] ?? '')]);
  sheet.setFrozenRows(1);
  return sheet;
}
