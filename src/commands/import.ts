/**
 * Importing past interactions kept elsewhere: from a sheet (Social CRM ›
 * Import interactions…) or a CSV file picked in the sidebar (Settings ›
 * Import interactions). Rows are matched to supporters and appended to the
 * log without duplicates; what could not be matched is listed in the
 * "Import problems" sheet.
 */
import type {Notice} from '../api';
import {UserError} from '../core/errors';
import {
  checkImportFileRows,
  dateOrderOfLocale,
  importFileText,
  planImport,
} from '../core/importing';
import {logColumn, toLogRow} from '../core/model';
import {textOf} from '../core/cells';
import {withDocumentLock} from '../adapters/lock';
import {
  appendLogRows,
  createLogSheet,
  getLogSheet,
  readLogRows,
} from '../adapters/log-sheet';
import {rebuildReportSheet} from '../adapters/report-sheet';
import {readTracker} from '../adapters/tracker-sheet';
import {alert, prompt} from '../adapters/ui';
import {scoreEveryone, writeScores} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const IMPORT_PROBLEMS_SHEET = 'Import problems';

export function importInteractions(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const answer = prompt(
    'Which sheet holds the interactions to import? Type its name.\n\n' +
      'It needs a header row with at least a date, who (an ID, email, handle or name) and the kind; ' +
      'direction, channel, note, link and amount are optional. ' +
      'A CSV file can be picked in the sidebar instead: Settings › Import interactions.',
    'Import interactions',
  );
  if (answer === null || !answer.trim()) return;
  const summary = importFromSheet(ss, answer.trim());
  alert(summary, 'Import interactions');
}

/** Imports from a sheet by name; returns the summary shown to the user. */
export function importFromSheet(ss: Spreadsheet, name: string): string {
  const source = ss.getSheetByName(name);
  if (!source) {
    const names = ss.getSheets().map(s => `"${s.getName()}"`);
    throw new UserError(
      `There is no sheet called "${name}". The sheets are: ${names.join(', ')}.`,
    );
  }
  return importValues(ss, name, (tracker, log) => {
    if (source.getSheetId() === tracker.getSheetId()) {
      throw new UserError(
        `"${name}" is your supporters sheet. Pick the sheet that lists past interactions (one per row).`,
      );
    }
    if (log && source.getSheetId() === log.getSheetId()) {
      throw new UserError(
        'That is the Interactions log itself. Pick the sheet you want to bring into it.',
      );
    }
    return source.getDataRange().getValues();
  });
}

/**
 * Sidebar: a CSV (or tab-separated) file, as text, imported as its rows
 * would be from a sheet. Nothing is written unless the file can be read.
 */
export function importInteractionsFile(name: unknown, text: unknown): Notice {
  if (typeof name !== 'string' || typeof text !== 'string') {
    throw new UserError('Choose a CSV file of interactions first.');
  }
  const file = importFileText(name, text);
  let rows: string[][];
  try {
    rows = Utilities.parseCsv(file.text, file.delimiter);
  } catch {
    // Utilities.parseCsv only fails on text it cannot split into fields: the file's
    // quoting, which the user can fix; its own message names no line.
    throw new UserError(
      `${name} could not be read as CSV: a quote mark (") is out of place. A value holding commas, quotes or line breaks must be in double quotes, with each quote inside it doubled (""), as Sheets and Excel save it.`,
    );
  }
  checkImportFileRows(name, rows);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {message: importValues(ss, name, () => rows)};
}

/**
 * Plans and writes one import under the document lock: new rows appended
 * to the log (then every score refreshed), rows that could not be matched
 * listed in the problems sheet. `read` gives the rows, header included;
 * it runs under the lock, with the tracker and the log (null before the
 * first interaction), so a sheet can be refused for being either.
 */
function importValues(
  ss: Spreadsheet,
  label: string,
  read: (tracker: Sheet, log: Sheet | null) => unknown[][],
): string {
  return withDocumentLock(() => {
    const tracker = readTracker(ss);
    const log = getLogSheet(ss);
    const values = read(tracker.sheet, log);
    const eventColumn = logColumn('Event ID');
    const logRows = readLogRows(log);
    const existing = new Set(
      logRows.map(row => textOf(row[eventColumn])).filter(Boolean),
    );
    const plan = planImport({
      values,
      supporters: tracker.supporters,
      existingEventIds: existing,
      timeZone: ss.getSpreadsheetTimeZone(),
      dateOrder: dateOrderOfLocale(ss.getSpreadsheetLocale()),
      today: new Date(),
    });
    if (plan.interactions.length) {
      const added = plan.interactions.map(toLogRow);
      appendLogRows(log ?? createLogSheet(ss), added);
      // Scored from the tracker and log rows in hand: nothing is read back.
      writeScores(
        scoreEveryone(ss, new Date(), [...logRows, ...added], tracker),
      );
    }
    if (plan.unmatched.length) {
      rebuildReportSheet(
        ss,
        IMPORT_PROBLEMS_SHEET,
        ['Row', 'Who', 'Why it was not imported'],
        plan.unmatched.map(u => [u.row, u.who, u.reason]),
      );
    }
    const lines = [
      `Imported ${plan.interactions.length} interactions from "${label}".`,
      plan.skippedDuplicates
        ? `${plan.skippedDuplicates} were already in the log and were skipped.`
        : '',
      plan.unmatched.length
        ? `${plan.unmatched.length} rows could not be imported: see the "${IMPORT_PROBLEMS_SHEET}" sheet for each row and why.`
        : '',
      ...plan.warnings,
    ];
    return lines.filter(Boolean).join('\n');
  });
}
