/**
 * Social CRM › Dashboard (and the daily run): value over time, give:ask,
 * bands, believers and their reach, rebuilt on the Dashboard sheet from one
 * read of the tracker and the log. Nothing else is written.
 */
import {formatDay} from '../core/dates';
import {dashboardData, dashboardLayout, DashboardData} from '../core/dashboard';
import {
  readDashboardRange,
  writeDashboardSheet,
} from '../adapters/dashboard-sheet';
import {withDocumentLock} from '../adapters/lock';
import {toast} from '../adapters/ui';
import {ScoreRun, scoreEveryone} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rebuilds the Dashboard from scores already computed (the daily run passes
 * its own, so the sheets are read once). Call under the document lock.
 */
export function writeDashboard(
  ss: Spreadsheet,
  run: ScoreRun,
): {sheet: Sheet; data: DashboardData} {
  const names = new Map<string, string>();
  for (const s of run.tracker.supporters) {
    if (s.id && !names.has(s.id)) names.set(s.id, s.name || s.email || s.id);
  }
  const input = {
    events: run.log.events,
    scores: run.result.list,
    names,
    now: run.now,
    timeZone: run.timeZone,
    settings: run.settings,
    range: readDashboardRange(ss),
  };
  const data = dashboardData(input);
  const sheet = writeDashboardSheet(ss, dashboardLayout(data, input));
  return {sheet, data};
}

/** Social CRM › Dashboard */
export function buildDashboard(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const {sheet, data} = withDocumentLock(() =>
    writeDashboard(ss, scoreEveryone(ss, new Date())),
  );
  sheet.activate();
  toast(
    `Dashboard rebuilt for ${formatDay(data.from)} to ${formatDay(data.to)}.` +
      (data.warnings.length ? ` ${data.warnings.join(' ')}` : ''),
  );
}
