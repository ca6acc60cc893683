/**
 * Social CRM › Set up tracker: recognise the active sheet's columns, show the
 * user what was found and let them fix it, then add the missing tracker
 * columns and the Interactions log in one locked, batched write.
 */
import {UserError} from '../core/errors';
import {
  describeMapping,
  parseMappingFixes,
  planSetup,
  SetupPlan,
} from '../core/setup';
import {Field} from '../core/columns';
import {readDocumentState, writeDocumentState} from '../adapters/document';
import {withDocumentLock} from '../adapters/lock';
import {createLogSheet} from '../adapters/log-sheet';
import {applySetupPlan, snapshotSheet} from '../adapters/tracker-sheet';
import {prompt, toast} from '../adapters/ui';
import {refreshScores} from './scores';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Fixes = Partial<Record<Field, number | null>>;

function plan(ss: Spreadsheet, sheet: Sheet, fixes: Fixes, idSeed: string) {
  const snapshot = snapshotSheet(sheet);
  const result = planSetup({
    values: snapshot.values,
    formulas: snapshot.formulas,
    metadata: snapshot.metadata,
    sheetName: sheet.getName(),
    existingSheets: ss.getSheets().map(s => s.getName()),
    overrides: fixes,
    idSeed,
  });
  return {snapshot, plan: result};
}

/** The columns a plan maps, to check nothing moved while the user read it. */
function mappingKey(p: SetupPlan): string {
  return JSON.stringify([
    p.headerRow,
    p.mapping.fields,
    p.newColumns.map(c => [c.field, c.column]),
  ]);
}

const FIX_HELP =
  'Press OK to set up the tracker. To correct a column first, type fixes like "Email = D; Twitter = none" and press OK. Cancel changes nothing.';

export function setupTracker(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const state = readDocumentState(ss);
  const idSeed = state.idSeed || Utilities.getUuid();
  let fixes: Fixes = {};
  let confirmed: SetupPlan;
  for (;;) {
    const {plan: candidate} = plan(ss, sheet, fixes, idSeed);
    if (candidate.nothingToDo) {
      toast(
        `"${sheet.getName()}" is already set up: nothing to change (${candidate.supporterCount} supporters).`,
      );
      return;
    }
    const summary = describeMapping(candidate).join('\n');
    const answer = prompt(`${summary}\n\n${FIX_HELP}`, 'Set up tracker');
    if (answer === null) {
      toast('Set up cancelled: nothing was changed.');
      return;
    }
    if (!answer.trim()) {
      confirmed = candidate;
      break;
    }
    fixes = {...fixes, ...parseMappingFixes(answer)};
  }
  withDocumentLock(() => {
    // Re-read under the lock: someone may have edited while the dialog was
    // open. Apply only if the columns are where the user confirmed them.
    const {snapshot, plan: final} = plan(ss, sheet, fixes, idSeed);
    if (mappingKey(final) !== mappingKey(confirmed)) {
      throw new UserError(
        'The sheet changed while you were reading the summary, so nothing was written. Run Set up tracker again.',
      );
    }
    if (final.createLogSheet) createLogSheet(ss);
    applySetupPlan(sheet, final, snapshot);
    writeDocumentState(ss, {
      trackerSheetId: sheet.getSheetId(),
      idSeed,
      // The columns just changed: the next read finds them afresh.
      columns: null,
    });
    refreshScores(ss);
    toast(setupReport(final), 'Tracker ready', 10);
  });
}

function setupReport(p: SetupPlan): string {
  const parts = [
    `${p.supporterCount} supporters`,
    p.newColumns.length ? `${p.newColumns.length} columns added` : '',
    p.idsAssigned ? `${p.idsAssigned} IDs assigned` : '',
    p.flagged.length
      ? `${p.flagged.length} handles could not be read (marked with a note)`
      : '',
    p.createLogSheet ? 'Interactions log created' : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
