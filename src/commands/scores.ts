/**
 * Scores for everyone, computed in one pass over the log, and written to the
 * tracker's own columns (Last contact, Responsiveness, Whuffie, Level, and
 * the hidden Band the daily run compares against).
 */
import {readDocumentState} from '../adapters/document';
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

export function loadSettings(ss: Spreadsheet): {
  settings: Settings;
  warnings: string[];
} {
  // The tag vocabularies share the settings' JSON; they are not scoring settings.
  const {overrides} = parseStoredSettings(readDocumentState(ss).settings);
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
 * everyone. `logRows` replaces the log sheet (a custom function's argument).
 */
export function scoreEveryone(
  ss: Spreadsheet,
  now = new Date(),
  logRows?: unknown[][],
): ScoreRun {
  const tracker = readTracker(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const {settings, warnings} = loadSettings(ss);
  const rows = logRows ?? readLogRows(ss.getSheetByName(LOG_SHEET_NAME));
  const log = parseLog(rows, timeZone, {now});
  const supporters = tracker.supporters
    .filter(s => s.id)
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
 * Writes the computed columns. The Band column keeps the band of the last
 * daily run (so the digest can say who moved since yesterday): only the
 * daily run passes `updateBand`.
 */
export function writeScores(run: ScoreRun, updateBand = false): void {
  const {tracker, result} = run;
  const first = tracker.mapping.headerRow + 1;
  const last = tracker.values.length;
  if (last < first) return;
  const byRow = new Map<number, SupporterScore>();
  for (const s of tracker.supporters) {
    const score = s.id ? result.scores.get(s.id) : undefined;
    if (score) byRow.set(s.row!, score);
  }
  const fields = updateBand
    ? [
        ...COMPUTED,
        {field: 'band' as Field, value: (s: SupporterScore) => s.band},
      ]
    : COMPUTED;
  const columns = fields
    .filter(f => tracker.mapping.fields[f.field] !== undefined)
    .map(f => ({
      column: tracker.mapping.fields[f.field]!,
      values: Array.from({length: last - first + 1}, (_, i) => {
        const score = byRow.get(first + i);
        return score
          ? f.value(score)
          : fieldCell(tracker, first + i - 1, f.field);
      }),
    }));
  writeColumns(tracker.sheet, first, columns);
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
