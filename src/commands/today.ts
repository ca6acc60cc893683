/**
 * "Reach out today": rebuilt by the menu and the daily run; ticking Done logs
 * the interaction the line suggested, choosing a Snooze hides the person.
 * Both work from a real edit of the tab (onEdit) and from the sidebar.
 */
import {cellString, Field, parseFlag, parseTags} from '../core/columns';
import {dateIn} from '../core/dates';
import {UserError} from '../core/errors';
import {SupporterIdentity} from '../core/handles';
import {valueClassOf} from '../core/kinds';
import {Interaction, TODAY_SHEET_NAME, toLogRow} from '../core/model';
import {buildOutreach, OutreachLine, OutreachPerson} from '../core/outreach';
import {
  mergeToday,
  rowSupporter,
  snoozeUntil,
  todayColumn,
  TodayRow,
} from '../core/today';
import {readDocumentState, writeDocumentState} from '../adapters/document';
import {withDocumentLock} from '../adapters/lock';
import {
  appendLogRows,
  createLogSheet,
  getLogSheet,
} from '../adapters/log-sheet';
import {
  getTodaySheet,
  markLogged,
  readTodayRows,
  writeTodaySheet,
} from '../adapters/today-sheet';
import {Tracker} from '../adapters/tracker-sheet';
import {toast} from '../adapters/ui';
import {
  fieldCell,
  refreshScores,
  ScoreRun,
  scoreEveryone,
  writeScores,
} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function person(
  tracker: Tracker,
  s: SupporterIdentity,
  snoozes: Record<string, string>,
): OutreachPerson {
  const cell = (field: Field) => fieldCell(tracker, s.row! - 1, field);
  const notes = [cellString(cell('interestNotes')), cellString(cell('notes'))];
  return {
    id: s.id!,
    name: s.name || s.email || s.id!,
    firstName: cellString(cell('firstName')) || undefined,
    handles: {x: s.x, bluesky: s.bluesky, mastodon: s.mastodon},
    relationshipTags: parseTags(cell('relationshipTags')),
    topics: parseTags(cell('topics')),
    interestNotes: notes.filter(Boolean).join('. '),
    birthday: cell('birthday') as OutreachPerson['birthday'],
    doNotContact: parseFlag(cell('doNotContact')),
    snoozedUntil: snoozes[s.id!],
  };
}

export interface TodayBuild {
  run: ScoreRun;
  today: string;
  lines: OutreachLine[];
  people: Map<string, OutreachPerson>;
  rows: TodayRow[];
}

/** Today's list from fresh scores, merged with the tab if it was made today. */
export function buildToday(ss: Spreadsheet, run: ScoreRun): TodayBuild {
  const {snoozes} = run.tracker.state;
  const people = new Map(
    run.tracker.supporters
      .filter(s => s.id)
      .map(s => [s.id!, person(run.tracker, s, snoozes)]),
  );
  const today = dateIn(run.now, run.timeZone);
  const lines = buildOutreach({
    people: [...people.values()],
    scores: run.result.scores,
    today,
    timeZone: run.timeZone,
    settings: run.settings,
  });
  const rows = mergeToday(
    lines,
    people,
    readTodayRows(getTodaySheet(ss)),
    today,
  );
  return {run, today, lines, people, rows};
}

/** Scores and the tab, rebuilt together (the menu and the daily run). */
export function rebuildToday(
  ss: Spreadsheet,
  now: Date,
  updateBand = false,
): TodayBuild {
  const run = scoreEveryone(ss, now);
  writeScores(run, updateBand);
  const build = buildToday(ss, run);
  writeTodaySheet(ss, build.rows);
  return build;
}

/** Social CRM › Refresh today's list */
export function refreshTodayList(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const build = withDocumentLock(() => rebuildToday(ss, new Date()));
  getTodaySheet(ss)?.activate();
  toast(
    build.rows.length
      ? `${build.rows.length} people to reach out to today.`
      : 'Nobody needs you today: no birthdays, nobody to thank or answer.',
    'Reach out today',
  );
}

/** The interaction a Done line logs; null for a line that logs nothing. */
function doneInteraction(row: TodayRow, now: Date): Interaction | null {
  const kind = cellString(row[todayColumn('Log as')]);
  const supporterId = rowSupporter(row);
  if (!kind || !supporterId) return null;
  return {
    when: now,
    supporterId,
    direction: 'outbound',
    kind,
    channel: cellString(row[todayColumn('Channel')]),
    valueClass: valueClassOf('outbound', kind),
    amount: null,
    note: `Reach out today: ${cellString(row[todayColumn('Suggested action')])}`,
    link: cellString(row[todayColumn('About')]),
    source: 'today',
    // One event per line: ticking Done twice never logs twice.
    eventId: `today:${cellString(row[todayColumn('Key')])}`,
  };
}

/**
 * Logs the Done lines among `rowNumbers` (1-based sheet rows) that are
 * ticked and not logged yet; returns how many were logged.
 */
function logDoneRows(ss: Spreadsheet, rowNumbers: number[], now: Date): number {
  const sheet = getTodaySheet(ss);
  if (!sheet || !rowNumbers.length) return 0;
  const rows = readTodayRows(sheet);
  const done: {row: number; event: Interaction}[] = [];
  for (const n of rowNumbers) {
    const row = rows[n - 2];
    if (!row || !parseFlag(row[todayColumn('Done')])) continue;
    if (cellString(row[todayColumn('Logged')])) continue;
    const event = doneInteraction(row, now);
    if (event) done.push({row: n, event});
  }
  if (!done.length) return 0;
  const log = getLogSheet(ss) ?? createLogSheet(ss);
  appendLogRows(
    log,
    done.map(d => toLogRow(d.event)),
  );
  markLogged(
    sheet,
    rows,
    done.map(d => d.row),
    now,
  );
  refreshScores(ss);
  return done.length;
}

function saveSnoozes(ss: Spreadsheet, rows: TodayRow[], today: string): void {
  const {snoozes} = readDocumentState(ss);
  const kept = Object.fromEntries(
    Object.entries(snoozes).filter(([, until]) => until > today),
  );
  for (const row of rows) {
    const until = snoozeUntil(today, cellString(row[todayColumn('Snooze')]));
    const id = rowSupporter(row);
    if (!id) continue;
    if (until) kept[id] = until;
    else if (row[todayColumn('Snooze')] === '') delete kept[id];
  }
  writeDocumentState(ss, {snoozes: kept});
}

/**
 * A user edit of the tab (simple onEdit, LIMITED mode): Done ticks are
 * logged, Snooze choices saved. Anything else on the tab is left alone.
 */
export function onTodayEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== TODAY_SHEET_NAME) return;
  const first = Math.max(range.getRow(), 2);
  const last = range.getLastRow();
  if (last < first) return;
  const columns = [range.getColumn(), range.getLastColumn()];
  const touches = (header: 'Done' | 'Snooze') => {
    const c = todayColumn(header) + 1;
    return columns[0] <= c && c <= columns[1];
  };
  const ss = sheet.getParent();
  const now = new Date();
  const rowNumbers = Array.from(
    {length: last - first + 1},
    (_, i) => first + i,
  );
  withDocumentLock(() => {
    if (touches('Done')) {
      const logged = logDoneRows(ss, rowNumbers, now);
      if (logged)
        toast(
          `Logged ${logged === 1 ? 'it' : `${logged} interactions`}. Scores updated.`,
        );
    }
    if (touches('Snooze')) {
      const rows = readTodayRows(sheet).slice(first - 2, last - 1);
      saveSnoozes(ss, rows, dateIn(now, ss.getSpreadsheetTimeZone()));
    }
  });
}

/** The sheet row of a line by its key, or a UserError. */
function rowOfKey(ss: Spreadsheet, key: string): number {
  const rows = readTodayRows(getTodaySheet(ss));
  const index = rows.findIndex(r => cellString(r[todayColumn('Key')]) === key);
  if (index < 0) {
    throw new UserError(
      "That line is no longer on today's list (it was rebuilt). Refresh the list and try again.",
    );
  }
  return index + 2;
}

/** Done from the sidebar: ticks the line's box and logs it, as a user tick would. */
export function completeLine(ss: Spreadsheet, key: string, now: Date): void {
  withDocumentLock(() => {
    const row = rowOfKey(ss, key);
    getTodaySheet(ss)!
      .getRange(row, todayColumn('Done') + 1)
      .setValue(true);
    logDoneRows(ss, [row], now);
  });
}

/** Snooze from the sidebar. */
export function snoozeLine(
  ss: Spreadsheet,
  key: string,
  choice: string,
  now: Date,
): void {
  withDocumentLock(() => {
    const sheet = getTodaySheet(ss)!;
    const row = rowOfKey(ss, key);
    sheet.getRange(row, todayColumn('Snooze') + 1).setValue(choice);
    saveSnoozes(
      ss,
      readTodayRows(sheet).slice(row - 2, row - 1),
      dateIn(now, ss.getSpreadsheetTimeZone()),
    );
  });
}
