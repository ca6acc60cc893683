/**
 * Scores for everyone (or for a few people), computed in one pass over the
 * log, and written to the tracker's own columns (Last contact,
 * Responsiveness, Whuffie, Level, and the hidden Band the daily run compares
 * against).
 */
import {invalidateFunctionCache} from '../adapters/function-cache';
import {withDocumentLock} from '../adapters/lock';
import {readLogRows} from '../adapters/log-sheet';
import {readTracker, Tracker, writeColumns} from '../adapters/tracker-sheet';
import {toast} from '../adapters/ui';
import {Field} from '../core/columns';
import {ParsedLog, parseLog} from '../core/log';
import {LOG_SHEET_NAME} from '../core/model';
import {computeScores, ScoreResult, SupporterScore} from '../core/scoring';
import {DEFAULT_SETTINGS, mergeSettings, Settings} from '../core/settings';
import {parseStoredSettings} from '../core/settings-panel';
import {bandCell, cadenceCell} from '../core/supporter-view';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ScoreRun {
  tracker: Tracker;
  log: ParsedLog;
  result: ScoreResult;
  settings: Settings;
  settingsWarnings: string[];
  now: Date;
  timeZone: string;
}

/** The scoring settings from the stored settings text (Tracker.state). */
function scoringSettings(stored: string): {
  settings: Settings;
  warnings: string[];
} {
  // The tag vocabularies share the settings' JSON; they are not scoring settings.
  const {overrides} = parseStoredSettings(stored);
  const merged = mergeSettings(DEFAULT_SETTINGS, overrides);
  return {settings: merged.settings, warnings: merged.warnings};
}

/** A tracker cell by field for a sheet row index (0-based into values). */
export function fieldCell(tracker: Tracker, r: number, field: Field): unknown {
  const column = tracker.mapping.fields[field];
  return column === undefined ? '' : (tracker.values[r]?.[column - 1] ?? '');
}

/**
 * Reads the tracker and the log (a constant number of calls) and scores
 * everyone. `logRows` replaces the log sheet (a custom function's argument,
 * or rows a caller already holds); `tracker` one the caller already read.
 */
export function scoreEveryone(
  ss: Spreadsheet,
  now = new Date(),
  logRows?: unknown[][],
  tracker: Tracker = readTracker(ss),
): ScoreRun {
  return scoreRun(ss, tracker, now, logRows);
}

/**
 * Scores only the supporters with these IDs, parsing only their rows of the
 * log. computeScores scores each person from their own events, tracker cells
 * and the settings alone (nothing is ranked, normalised or summed across
 * people), so these are the very scores a run for everyone gives them, and
 * writeScores then rewrites only their rows. `run.log` holds their events only.
 */
export function scoreSupporters(
  ss: Spreadsheet,
  tracker: Tracker,
  ids: ReadonlySet<string>,
  now: Date,
  logRows: unknown[][],
): ScoreRun {
  return scoreRun(ss, tracker, now, logRows, ids);
}

function scoreRun(
  ss: Spreadsheet,
  tracker: Tracker,
  now: Date,
  logRows?: unknown[][],
  only?: ReadonlySet<string>,
): ScoreRun {
  const timeZone = ss.getSpreadsheetTimeZone();
  const {settings, warnings} = scoringSettings(tracker.state.settings);
  const rows = logRows ?? readLogRows(ss.getSheetByName(LOG_SHEET_NAME));
  const log = parseLog(rows, timeZone, {now, supporters: only});
  const supporters = tracker.supporters
    .filter(s => s.id && (!only || only.has(s.id)))
    .map(s => ({
      id: s.id!,
      cadenceDays: cadenceCell(fieldCell(tracker, s.row! - 1, 'cadenceDays')),
      previousBand: bandCell(fieldCell(tracker, s.row! - 1, 'band')),
    }));
  const result = computeScores({
    events: log.events,
    supporters,
    now,
    timeZone,
    settings,
  });
  return {
    tracker,
    log,
    result,
    settings,
    settingsWarnings: warnings,
    now,
    timeZone,
  };
}

const COMPUTED: {field: Field; value: (s: SupporterScore) => unknown}[] = [
  {field: 'lastContact', value: s => s.lastContact ?? ''},
  {field: 'responsiveness', value: s => s.responsiveness},
  {field: 'whuffie', value: s => s.whuffie},
  {field: 'level', value: s => s.level},
];

/**
 * Rows left unscored between two scored ones are written back as they were
 * read, so one setValues covers the span, unless the gap is wider than this.
 * A round trip costs about as much as writing a few thousand cells (some
 * 1,000 rows of the 4 score columns), so a wider gap is cheaper as a second
 * write. A full run has no gaps; logging for a few scattered people does.
 */
const MAX_REWRITTEN_GAP = 1000;
/**
 * More far-apart groups than this share one span instead: the calls stay a
 * small constant whatever the selection, and that span costs at most the
 * rewrite of every row a full run makes.
 */
const MAX_SPANS = 4;

/**
 * Sorted rows grouped into [first, last] spans, bridging gaps up to
 * MAX_REWRITTEN_GAP; one span for them all past MAX_SPANS.
 */
function spansOf(rows: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const row of rows) {
    const last = spans[spans.length - 1];
    if (last && row - last[1] - 1 <= MAX_REWRITTEN_GAP) last[1] = row;
    else spans.push([row, row]);
  }
  return spans.length > MAX_SPANS
    ? [[spans[0][0], spans[spans.length - 1][1]]]
    : spans;
}

/**
 * Writes the computed columns of the rows the run scored; other rows keep
 * their cells (written back as read where a span covers them). The Band
 * column keeps the band of the last daily run (so the digest can say who
 * moved since yesterday): only the daily run passes `updateBand`.
 */
export function writeScores(run: ScoreRun, updateBand = false): void {
  const {tracker, result} = run;
  const byRow = new Map<number, SupporterScore>();
  for (const s of tracker.supporters) {
    const score = s.id ? result.scores.get(s.id) : undefined;
    if (score) byRow.set(s.row!, score);
  }
  const fields = (
    updateBand
      ? [
          ...COMPUTED,
          {field: 'band' as Field, value: (s: SupporterScore) => s.band},
        ]
      : COMPUTED
  ).filter(f => tracker.mapping.fields[f.field] !== undefined);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const [first, last] of spansOf(rows)) {
    const columns = fields.map(f => ({
      column: tracker.mapping.fields[f.field]!,
      values: Array.from({length: last - first + 1}, (_, i) => {
        const score = byRow.get(first + i);
        return score
          ? f.value(score)
          : fieldCell(tracker, first + i - 1, f.field);
      }),
    }));
    writeColumns(tracker.sheet, first, columns);
  }
  invalidateFunctionCache();
}

export function refreshScores(ss: Spreadsheet, updateBand = false): ScoreRun {
  const run = scoreEveryone(ss);
  writeScores(run, updateBand);
  return run;
}

/** Social CRM › Refresh scores: recompute and rewrite the score columns now. */
export function refreshScoresNow(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const run = withDocumentLock(() => refreshScores(ss));
  const {warnings} = run.log;
  const skipped =
    warnings.unknownKinds +
    warnings.badDates +
    warnings.badDirections +
    warnings.missingSupporter;
  toast(
    `Scores updated for ${run.result.list.length} supporters from ${run.log.events.length} interactions.` +
      (skipped
        ? ` ${skipped} log rows were skipped (${warnings.samples.slice(0, 3).join('; ')}).`
        : ''),
  );
}
