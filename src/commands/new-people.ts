/**
 * The New people sheet's Action column: choosing "Add as supporter" or
 * "Match to suggested" (or typing "Match to S-XXXXXX") acts at once through
 * the simple onEdit trigger, and the row's Status says what was done. The
 * plan is pure (core/sync/new-people-actions.ts); this writes it.
 */
import {PLAIN_TEXT} from '../core/cells';
import {isUserError} from '../core/errors';
import {
  isHandledStatus,
  NEW_PEOPLE_HEADERS,
  NEW_PEOPLE_SHEET,
  parseNewPeople,
} from '../core/sync/matching';
import {
  ActionPlan,
  parseAction,
  planNewPeopleAction,
  TrackerWrite,
} from '../core/sync/new-people-actions';
import {readDocumentState} from '../adapters/document';
import {withDocumentLock} from '../adapters/lock';
import {readTracker} from '../adapters/tracker-sheet';
import {toast} from '../adapters/ui';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const column = (
  values: unknown[][],
  name: (typeof NEW_PEOPLE_HEADERS)[number],
) => (values[0] ?? []).findIndex(h => String(h) === name) + 1;

function writeToTracker(sheet: Sheet, write: TrackerWrite): void {
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
      idSeed: readDocumentState(ss).idSeed,
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
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== NEW_PEOPLE_SHEET) return;
  const first = Math.max(range.getRow(), 2);
  const last = range.getLastRow();
  if (last < first) return;
  const ss = sheet.getParent();
  withDocumentLock(() => {
    const values = sheet.getDataRange().getValues();
    const actionColumn = column(values, 'Action');
    const statusColumn = column(values, 'Status');
    if (!actionColumn || !statusColumn) return;
    if (
      range.getColumn() > actionColumn ||
      range.getLastColumn() < actionColumn
    ) {
      return;
    }
    const messages: string[] = [];
    for (let r = first; r <= Math.min(last, values.length); r++) {
      const row = values[r - 1];
      const action = String(row[actionColumn - 1] ?? '').trim();
      if (!action || isHandledStatus(String(row[statusColumn - 1] ?? ''))) {
        continue;
      }
      const plan = act(ss, values[0], row, action);
      sheet
        .getRange(r, statusColumn)
        .setNumberFormat(PLAIN_TEXT)
        .setValue(plan.ok ? plan.status : `Not done: ${plan.problem}`);
      messages.push(plan.ok ? plan.message : plan.problem);
    }
    if (messages.length) toast(messages.join('\n'), NEW_PEOPLE_SHEET, 10);
  });
}
