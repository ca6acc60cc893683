/**
 * The Interactions sheet: the one batch reader and the one appender.
 * Reads are one getValues() for the whole block; an append is one setValues()
 * below the last row, so logging costs the same for 1 row or 10,000.
 */
import {PLAIN_TEXT} from '../core/cells';
import {CHANNELS, DIRECTIONS, KIND_IDS} from '../core/kinds';
import {LOG_HEADERS, LOG_SHEET_NAME, LogRow, logColumn} from '../core/model';
import {insertSheetQuietly} from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = LOG_HEADERS.length;
const col = (header: (typeof LOG_HEADERS)[number]) => logColumn(header) + 1;

const HEADER_NOTES: Partial<Record<(typeof LOG_HEADERS)[number], string>> = {
  When: 'When it happened (date and time, in the spreadsheet time zone).',
  'Supporter ID':
    'The Whuffie ID from the supporters sheet: the link that survives sorting, filtering and renaming.',
  Direction: 'inbound = they did something; outbound = we did.',
  Kind: 'What happened: retweet, reply, thanks, ask: give, donation, …',
  Channel: 'Where: x, bluesky, mastodon, email, in person, phone, other.',
  'Value class':
    'Filled by Whuffie: promotion, action, membership, deposit or withdrawal.',
  'Event ID':
    'network:kind:id for synced events, so syncing twice never adds a row twice.',
};

export function getLogSheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(LOG_SHEET_NAME);
}

/** Creates the log with headers, formats and validation; returns it. */
export function createLogSheet(ss: Spreadsheet): Sheet {
  const sheet = insertSheetQuietly(ss, LOG_SHEET_NAME);
  // Every cell of the grid counts towards a spreadsheet's 10 million, empty
  // or not: a log of a million rows must not carry 15 unused columns.
  const extra = sheet.getMaxColumns() - WIDTH;
  if (extra > 0) sheet.deleteColumns(WIDTH + 1, extra);
  sheet.getRange(1, 1, 1, WIDTH).setValues([[...LOG_HEADERS]]);
  sheet
    .getRange(1, 1, 1, WIDTH)
    .setNotes([LOG_HEADERS.map(h => HEADER_NOTES[h] ?? '')])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  formatLogBlock(sheet, 2, sheet.getMaxRows() - 1);
  return sheet;
}

/**
 * Formats and validation for a block of log rows. Applied to each appended
 * block too, before its values are written: rows Sheets adds to make room do
 * not reliably inherit them, and text columns must be plain text *before* the
 * write so nothing is parsed into a number, a date or a formula.
 */
function formatLogBlock(sheet: Sheet, row: number, rows: number): void {
  if (rows < 1) return;
  const formats = LOG_HEADERS.map(h =>
    h === 'When'
      ? 'yyyy-mm-dd hh:mm'
      : h === 'Amount'
        ? '#,##0.00'
        : PLAIN_TEXT,
  );
  sheet
    .getRange(row, 1, rows, WIDTH)
    .setNumberFormats(Array.from({length: rows}, () => formats));
  const list = (values: readonly string[]) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .build();
  sheet
    .getRange(row, col('Direction'), rows, 1)
    .setDataValidation(list(DIRECTIONS));
  sheet.getRange(row, col('Kind'), rows, 1).setDataValidation(list(KIND_IDS));
  sheet
    .getRange(row, col('Channel'), rows, 1)
    .setDataValidation(list(CHANNELS));
}

/** Every log row below the header, as values (one read). */
export function readLogRows(sheet: Sheet | null): unknown[][] {
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet.getRange(2, 1, last - 1, WIDTH).getValues();
}

/**
 * Appends rows with one write. Text lands in plain-text cells (formatted
 * first), so a note like "=IMPORTXML(…)" stays text.
 */
export function appendLogRows(sheet: Sheet, rows: LogRow[]): void {
  if (!rows.length) return;
  const first = sheet.getLastRow() + 1;
  const missing = first + rows.length - 1 - sheet.getMaxRows();
  // setValues never grows a sheet (it throws outside the grid): make room.
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  formatLogBlock(sheet, first, rows.length);
  sheet.getRange(first, 1, rows.length, WIDTH).setValues(rows);
}
