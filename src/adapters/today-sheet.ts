/**
 * The "Reach out today" tab: read in one call, rebuilt in one write. It is
 * the add-on's own sheet (regenerated, never hand-edited except Done and
 * Snooze), so a rebuild may clear it; no other sheet is touched.
 */
import {PLAIN_TEXT} from '../core/cells';
import {TODAY_SHEET_NAME} from '../core/model';
import {
  SNOOZE_CHOICES,
  TODAY_HEADERS,
  todayColumn,
  TodayRow,
  VISIBLE_TODAY_COLUMNS,
} from '../core/today';
import {insertSheetQuietly} from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = TODAY_HEADERS.length;
const WIDTHS: Partial<Record<(typeof TODAY_HEADERS)[number], number>> = {
  '#': 32,
  Who: 150,
  Why: 280,
  'Suggested action': 340,
  Profile: 180,
  Compose: 120,
  Done: 56,
  Snooze: 90,
};

export function getTodaySheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(TODAY_SHEET_NAME);
}

export function readTodayRows(sheet: Sheet | null): TodayRow[] {
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet.getRange(2, 1, last - 1, WIDTH).getValues() as TodayRow[];
}

/** Clears and rewrites the tab: headers, rows, checkboxes, snooze choices. */
export function writeTodaySheet(ss: Spreadsheet, rows: TodayRow[]): Sheet {
  let sheet = getTodaySheet(ss);
  const created = !sheet;
  if (!sheet) {
    sheet = insertSheetQuietly(ss, TODAY_SHEET_NAME, 0);
    sheet.setFrozenRows(1);
    sheet.hideColumns(VISIBLE_TODAY_COLUMNS + 1, WIDTH - VISIBLE_TODAY_COLUMNS);
    for (const [header, width] of Object.entries(WIDTHS)) {
      const column = todayColumn(header as (typeof TODAY_HEADERS)[number]) + 1;
      sheet.setColumnWidth(column, width);
    }
    sheet.getRange(1, 1, 1, WIDTH).setFontWeight('bold');
  }
  const old = sheet.getLastRow();
  if (old > 1) {
    const stale = sheet.getRange(2, 1, old - 1, WIDTH);
    stale.clearContent();
    stale.clearDataValidations();
  }
  const height = rows.length + 1;
  if (height > sheet.getMaxRows()) {
    sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  }
  if (rows.length) {
    // Plain text first, so names and post text can never become formulas
    // (all but # and the Done checkbox).
    const done = todayColumn('Done') + 1;
    sheet.getRange(2, 2, rows.length, done - 2).setNumberFormat(PLAIN_TEXT);
    sheet
      .getRange(2, done + 1, rows.length, WIDTH - done)
      .setNumberFormat(PLAIN_TEXT);
    sheet
      .getRange(2, todayColumn('Done') + 1, rows.length, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireCheckbox().build(),
      );
    sheet
      .getRange(2, todayColumn('Snooze') + 1, rows.length, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...SNOOZE_CHOICES], true)
          .setHelpText('Hide this person from the list for a while.')
          .build(),
      );
  }
  sheet.getRange(1, 1, height, WIDTH).setValues([[...TODAY_HEADERS], ...rows]);
  if (!created) return sheet;
  sheet
    .getRange(1, 1, 1, WIDTH)
    .setNotes([
      TODAY_HEADERS.map(h =>
        h === 'Done'
          ? 'Tick when you have done it: Whuffie logs the interaction and updates their scores.'
          : h === 'Snooze'
            ? 'Hide this person from the daily list for a day, a week or a month.'
            : '',
      ),
    ]);
  return sheet;
}

/**
 * Marks rows as logged (Done was handled), so a second tick logs nothing:
 * one write over the span of rows, keeping what the others already hold.
 */
export function markLogged(
  sheet: Sheet,
  rows: TodayRow[],
  rowNumbers: number[],
  when: Date,
): void {
  if (!rowNumbers.length) return;
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const column = todayColumn('Logged');
  const values = Array.from({length: last - first + 1}, (_, i) => [
    rowNumbers.includes(first + i)
      ? when.toISOString()
      : (rows[first + i - 2]?.[column] ?? ''),
  ]);
  sheet.getRange(first, column + 1, values.length, 1).setValues(values);
}
