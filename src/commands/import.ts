/**
 * Social CRM › Import interactions…: past interactions kept in another sheet
 * are matched to supporters and appended to the log without duplicates.
 * What could not be matched is listed in the "Import problems" sheet.
 */
import {UserError} from '../core/errors';
import {planImport} from '../core/importing';
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
import {refreshScores} from './scores';

export const IMPORT_PROBLEMS_SHEET = 'Import problems';

export function importInteractions(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const answer = prompt(
    'Which sheet holds the interactions to import? Type its name.\n\n' +
      'It needs a header row with at least a date and who (an ID, email, handle or name); ' +
      'kind, direction, channel, note, link and amount are optional. ' +
      'To import a CSV file, first use File › Import › "Insert new sheet".',
    'Import interactions',
  );
  if (answer === null || !answer.trim()) return;
  const summary = importFromSheet(ss, answer.trim());
  alert(summary, 'Import interactions');
}

/** Imports from a sheet by name; returns the summary shown to the user. */
export function importFromSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): string {
  const source = ss.getSheetByName(name);
  if (!source) {
    const names = ss.getSheets().map(s => `"${s.getName()}"`);
    throw new UserError(
      `There is no sheet called "${name}". The sheets are: ${names.join(', ')}.`,
    );
  }
  return withDocumentLock(() => {
    const tracker = readTracker(ss);
    if (source.getSheetId() === tracker.sheet.getSheetId()) {
      throw new UserError(
        `"${name}" is your supporters sheet. Pick the sheet that lists past interactions (one per row).`,
      );
    }
    const log = getLogSheet(ss) ?? createLogSheet(ss);
    if (source.getSheetId() === log.getSheetId()) {
      throw new UserError(
        'That is the Interactions log itself. Pick the sheet you want to bring into it.',
      );
    }
    const eventColumn = logColumn('Event ID');
    const existing = new Set(
      readLogRows(log)
        .map(row => textOf(row[eventColumn]))
        .filter(Boolean),
    );
    const plan = planImport({
      values: source.getDataRange().getValues(),
      supporters: tracker.supporters,
      existingEventIds: existing,
      timeZone: ss.getSpreadsheetTimeZone(),
      today: new Date(),
    });
    appendLogRows(log, plan.interactions.map(toLogRow));
    if (plan.interactions.length) refreshScores(ss);
    if (plan.unmatched.length) {
      rebuildReportSheet(
        ss,
        IMPORT_PROBLEMS_SHEET,
        ['Row', 'Who', 'Why it was not imported'],
        plan.unmatched.map(u => [u.row, u.who, u.reason]),
      );
    }
    const lines = [
      `Imported ${plan.interactions.length} interactions from "${name}".`,
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
