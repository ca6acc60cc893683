/**
 * The New people sheet's Action column: choosing "Add as supporter" or
 * "Match to suggested" (or typing "Match to S-XXXXXX") acts at once through
 * the simple onEdit trigger, and the row's Status says what was done. The
 * plan is pure (core/sync/new-people-actions.ts); this writes it.
 */
import {actOnEditedRows} from '../adapters/report-sheet';
import {readTracker} from '../adapters/tracker-sheet';
import {PLAIN_TEXT} from '../core/cells';
import {isUserError} from '../core/errors';
import {
  isHandledStatus,
  NEW_PEOPLE_SHEET,
  parseNewPeople,
} from '../core/sync/matching';
import {
  ActionPlan,
  parseAction,
  planNewPeopleAction,
  TrackerWrite,
} from '../core/sync/new-people-actions';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Writes a planned tracker change; text from the networks as plain text. */
export function writeToTracker(sheet: Sheet, write: TrackerWrite): void {
  if (write.row > sheet.getMaxRows()) {
    sheet.insertRowsAfter(sheet.getMaxRows(), write.row - sheet.getMaxRows());
  }
  // Names and handles come from the networks: text, never a formula.
  for (const c of write.textColumns) {
    sheet.getRange(write.row, c).setNumberFormat(PLAIN_TEXT);
  }
  sheet
    .getRange(write.row, write.column, 1, write.values.length)
    .setValues([write.values]);
}

/** Acts on one row of the sheet; what to show in its Status cell and the toast. */
function act(
  ss: Spreadsheet,
  header: unknown[],
  row: unknown[],
  action: string,
): ActionPlan {
  const parsed = parseAction(action);
  if (!parsed) {
    return {
      ok: false,
      problem: `"${action}" is not an action. Choose Add as supporter or Match to suggested, or type Match to S-XXXXXX.`,
    };
  }
  const [entry] = parseNewPeople([header, row]);
  if (!entry) {
    return {
      ok: false,
      problem: 'This row does not name a person from a network.',
    };
  }
  try {
    const tracker = readTracker(ss);
    const plan = planNewPeopleAction(entry.person, entry.suggestion, parsed, {
      values: tracker.values,
      fields: tracker.mapping.fields,
      supporters: tracker.supporters,
      idSeed: tracker.state.idSeed,
    });
    if (plan.ok && plan.write) writeToTracker(tracker.sheet, plan.write);
    return plan;
  } catch (e) {
    if (isUserError(e)) return {ok: false, problem: e.message};
    throw e;
  }
}

/**
 * A user edit (simple onEdit, LIMITED mode): each edited Action cell of a row
 * not handled yet is carried out, one row after another.
 */
export function onNewPeopleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const ss = e.range.getSheet().getParent();
  actOnEditedRows(
    e,
    NEW_PEOPLE_SHEET,
    isHandledStatus,
    (header, row, action) => {
      const plan = act(ss, header, row, action);
      return plan.ok
        ? {status: plan.status, message: plan.message}
        : {status: `Not done: ${plan.problem}`, message: plan.problem};
    },
  );
}
