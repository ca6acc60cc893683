/**
 * Sheets the add-on rebuilds from scratch (Possible duplicates, Import
 * problems, …): cleared and rewritten with one setValues(), never touching
 * any other sheet. Text columns are plain text before the write, so text
 * from outside is stored as text, never as a formula. Reports with an
 * Action column (New people, Handle suggestions) get their dropdown and
 * their onEdit handling here.
 */
import {PLAIN_TEXT} from '../core/cells';
import {withDocumentLock} from './lock';
import {insertSheetQuietly, toast} from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type ReportCell = string | number | boolean | Date;

/** Characters past which a column is a column of sentences. */
const LONG_TEXT = 60;
const LONG_TEXT_WIDTH = 360;

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
  // Reports are read, not typed into: columns as wide as what they hold,
  // but a column of sentences ("Why") stays a readable width, clipped.
  sheet.autoResizeColumns(1, width);
  for (let c = 0; c < width; c++) {
    if (rows.some(row => String(row[c] ?? '').length > LONG_TEXT)) {
      sheet.setColumnWidth(c + 1, LONG_TEXT_WIDTH);
    }
  }
  return sheet;
}

/**
 * A report's Action column: a dropdown on the rows just written, none below
 * (a shorter rebuild leaves no stray dropdowns). `allowTyped` lets the user
 * type an action the list does not hold ("Match to S-XXXXXX").
 */
export function offerActions(
  sheet: Sheet,
  column: number,
  rows: number,
  choice: {actions: readonly string[]; help: string; allowTyped: boolean},
): void {
  const below = sheet.getMaxRows() - 1;
  if (below > 0) sheet.getRange(2, column, below, 1).clearDataValidations();
  if (!rows) return;
  sheet.getRange(2, column, rows, 1).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...choice.actions], true)
      .setAllowInvalid(choice.allowTyped)
      .setHelpText(choice.help)
      .build(),
  );
}

/** What acting on one row did: its Status cell, and a line for the toast. */
export interface RowOutcome {
  status: string;
  message: string;
}

/**
 * A user edit of a report's Action column (simple onEdit, LIMITED mode):
 * under the document lock, each edited row with an action and a Status that
 * is not "handled" yet is carried out by `act`, one row after another; its
 * Status cell (plain text: it can quote what the networks sent) says what
 * was done, and a toast sums up. `done` runs last, still under the lock.
 */
export function actOnEditedRows(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  sheetName: string,
  isHandled: (status: string) => boolean,
  act: (header: unknown[], row: unknown[], action: string) => RowOutcome,
  done: () => void = () => {},
): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== sheetName) return;
  const first = Math.max(range.getRow(), 2);
  const last = range.getLastRow();
  if (last < first) return;
  withDocumentLock(() => {
    const values = sheet.getDataRange().getValues();
    const header = values[0] ?? [];
    const actionColumn = header.indexOf('Action') + 1;
    const statusColumn = header.indexOf('Status') + 1;
    if (!actionColumn || !statusColumn) return;
    if (
      range.getColumn() > actionColumn ||
      range.getLastColumn() < actionColumn
    ) {
      return;
    }
    const messages: string[] = [];
    // Statuses land in one write (cells in between written back as read);
    // `finally` keeps those of rows already acted on if a later row throws.
    const statuses = values.map(row => [row[statusColumn - 1] ?? '']);
    let acted: [number, number] | null = null;
    try {
      for (let r = first; r <= Math.min(last, values.length); r++) {
        const row = values[r - 1];
        const action = String(row[actionColumn - 1] ?? '').trim();
        if (!action || isHandled(String(row[statusColumn - 1] ?? ''))) {
          continue;
        }
        const outcome = act(header, row, action);
        statuses[r - 1] = [outcome.status];
        acted = [acted?.[0] ?? r, r];
        messages.push(outcome.message);
      }
    } finally {
      if (acted) {
        const [from, to] = acted;
        sheet
          .getRange(from, statusColumn, to - from + 1, 1)
          .setNumberFormat(PLAIN_TEXT)
          .setValues(statuses.slice(from - 1, to));
      }
    }
    done();
    if (messages.length) toast(messages.join('\n'), sheetName, 10);
  });
}
