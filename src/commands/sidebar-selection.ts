/**
 * Social CRM › Open sidebar, and the poll that fills it with the supporter
 * the user has selected (or how many of several rows have each tag).
 *
 * A poll reads only the selection (and the selected row, to notice edits
 * made in the grid): when nothing changed it answers `{key, unchanged}`. A
 * change reads the tracker once and, for one person, only their log rows
 * are parsed and scored.
 */
import type {RowSpan, SelectionState} from '../api';
import {cellString, stableHash} from '../core/columns';
import {isUserError} from '../core/errors';
import {logColumn} from '../core/model';
import {mergeSettings, DEFAULT_SETTINGS} from '../core/settings';
import {parseStoredSettings} from '../core/settings-panel';
import {
  bulkView,
  CellOf,
  supporterView,
  ViewContext,
} from '../core/supporter-view';
import {mergeSpans, spansText, supportersIn} from '../core/targets';
import {readDocumentState} from '../adapters/document';
import {getLogSheet, readLogRows} from '../adapters/log-sheet';
import {
  findTrackerSheet,
  readTracker,
  Tracker,
} from '../adapters/tracker-sheet';
import {ADDON_TITLE, sidebarCall} from '../adapters/ui';
import {fieldCell} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Social CRM › Open sidebar. */
export function openSidebar(): void {
  const page =
    HtmlService.createHtmlOutputFromFile('sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** A supporter's cell in the tracker as read. */
export const cellsOf =
  (tracker: Tracker): CellOf =>
  (who, field) =>
    fieldCell(tracker, who.row! - 1, field);

interface ActiveSelection {
  sheetId: number;
  spans: RowSpan[];
  /** `sheetId:rows`, and `#digest` of the row's cells when one row is selected. */
  key: string;
}

/**
 * What the user has selected, in a handful of calls. For a single row the
 * key also digests the row's cells, so an edit made in the grid (a tag typed
 * in, Do not contact ticked, scores refreshed) shows in the sidebar.
 */
function readActiveSelection(ss: Spreadsheet): ActiveSelection {
  const sheet = ss.getActiveSheet();
  const sheetId = sheet.getSheetId();
  const ranges = ss.getActiveRangeList()?.getRanges() ?? [];
  const spans = mergeSpans(
    ranges.map(r => ({first: r.getRow(), last: r.getLastRow()})),
  );
  const place = `${sheetId}:${spansText(spans)}`;
  if (spans.length !== 1 || spans[0].first !== spans[0].last) {
    return {sheetId, spans, key: place};
  }
  const width = sheet.getLastColumn();
  const cells =
    width > 0 ? sheet.getRange(spans[0].first, 1, 1, width).getValues() : [];
  return {sheetId, spans, key: `${place}#${stableHash(JSON.stringify(cells))}`};
}

const placeOf = (key: string) => key.split('#')[0];

/**
 * The key to give the sidebar after a change: the fresh one when the user
 * still has the same rows selected (so the next poll does not reload what
 * the answer already shows), else null (the next poll reloads).
 */
export function keyAfterChange(
  ss: Spreadsheet,
  before: unknown,
): string | null {
  if (typeof before !== 'string' || !before) return null;
  const now = readActiveSelection(ss).key;
  return placeOf(now) === placeOf(before) ? now : null;
}

/**
 * The sidebar's poll. `lastKey` is the key of the previous answer: while
 * the selection and the selected row stay the same the answer is tiny;
 * when they change it carries the whole view.
 */
export function getSelectionState(lastKey?: unknown): SelectionState {
  return sidebarCall('reading your selection', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const selection = readActiveSelection(ss);
    if (lastKey === selection.key) {
      return {key: selection.key, unchanged: true};
    }
    return describeSelection(ss, selection);
  });
}

function describeSelection(
  ss: Spreadsheet,
  selection: ActiveSelection,
): SelectionState {
  const base = {key: selection.key, unchanged: false as const};
  // The document properties once for the whole poll.
  const state = readDocumentState(ss);
  const trackerSheet = findTrackerSheet(ss, state);
  if (trackerSheet && trackerSheet.getSheetId() !== selection.sheetId) {
    return {
      ...base,
      kind: 'outside',
      message: `Select a supporter's row on the "${trackerSheet.getName()}" sheet to see them here.`,
    };
  }
  let tracker: Tracker;
  try {
    tracker = readTracker(ss, state);
  } catch (e) {
    // Before setup: not a failure of the poll, just nothing to show yet.
    if (isUserError(e)) return {...base, kind: 'none', message: e.message};
    throw e;
  }
  const chosen = supportersIn(tracker.supporters, selection.spans);
  if (!chosen.length) {
    return {
      ...base,
      kind: 'none',
      message:
        "Select a supporter's row to see them here, or several rows to tag them all at once.",
    };
  }
  const context = viewContext(ss, state.settings);
  if (chosen.length === 1) {
    const who = chosen[0];
    const rows = who.id ? logRowsOf(ss, who.id) : [];
    return {
      ...base,
      kind: 'one',
      supporter: supporterView(who, cellsOf(tracker), rows, context),
    };
  }
  return {
    ...base,
    kind: 'many',
    bulk: bulkView(
      chosen,
      cellsOf(tracker),
      selection.spans,
      context.vocabulary,
    ),
  };
}

function viewContext(ss: Spreadsheet, storedText: string): ViewContext {
  const stored = parseStoredSettings(storedText);
  return {
    now: new Date(),
    timeZone: ss.getSpreadsheetTimeZone(),
    settings: mergeSettings(DEFAULT_SETTINGS, stored.overrides).settings,
    vocabulary: stored.vocabulary,
  };
}

/** One person's log rows, found with a string compare before any parsing. */
function logRowsOf(ss: Spreadsheet, id: string): unknown[][] {
  const column = logColumn('Supporter ID');
  return readLogRows(getLogSheet(ss)).filter(
    row => cellString(row[column]) === id,
  );
}
