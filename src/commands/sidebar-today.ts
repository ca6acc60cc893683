/**
 * The sidebar's Today, digest and health panels (google.script.run). They
 * reuse what the menu and the daily run do; the views are plain JSON (dates
 * as ISO strings), as the bridge requires.
 */
import type {
  DigestSettings as DigestSettingsRequest,
  DigestSettingsView,
  HealthView,
  LinkView,
  Notice,
  SnoozePeriod,
  TodayLineView,
  TodayView,
} from '../api';
import {cellString, parseFlag} from '../core/columns';
import {dateIn} from '../core/dates';
import {checkHour, checkRecipients} from '../core/digest-settings';
import {BUCKETS} from '../core/outreach';
import {rowDate, rowSupporter, todayColumn, TodayRow} from '../core/today';
import {readDocumentState} from '../adapters/document';
import {withDocumentLock} from '../adapters/lock';
import {getTodaySheet, readTodayRows} from '../adapters/today-sheet';
import {readDigestSettings, readHealth} from '../adapters/user-state';
import {sidebarCall} from '../adapters/ui';
import {disableDigest, enableDigest, sendDigest} from './digest';
import {completeLine, rebuildToday, snoozeLine} from './today';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HOSTS: [RegExp, string][] = [
  [/^https:\/\/(x|twitter)\.com\/intent\//, 'Write on X'],
  [/^https:\/\/bsky\.app\/intent\//, 'Write on Bluesky'],
  [/\/share\?text=/, 'Write on Mastodon'],
  [/^https:\/\/x\.com\//, 'Profile on X'],
  [/^https:\/\/bsky\.app\/profile\//, 'Profile on Bluesky'],
  [/^https:\/\/[^/]+\/@/, 'Profile on Mastodon'],
];

function linksOf(row: TodayRow): LinkView[] {
  const urls = [todayColumn('Profile'), todayColumn('Compose')]
    .flatMap(c => cellString(row[c]).split('\n'))
    .filter(Boolean);
  return urls.map(url => ({
    label: HOSTS.find(([pattern]) => pattern.test(url))?.[1] ?? 'Link',
    url,
  }));
}

function lineView(
  row: TodayRow,
  snoozes: Record<string, string>,
): TodayLineView {
  const bucket = cellString(row[todayColumn('Key')]).split('|')[2] ?? '';
  const label = BUCKETS.find(b => b.id === bucket)?.label ?? '';
  const why = cellString(row[todayColumn('Why')]);
  const supporterId = rowSupporter(row);
  return {
    key: cellString(row[todayColumn('Key')]),
    priority: Number(row[todayColumn('#')]) || 0,
    supporterId,
    name: cellString(row[todayColumn('Who')]),
    bucket,
    bucketLabel: label,
    why: why.startsWith(`${label}: `) ? why.slice(label.length + 2) : why,
    action: cellString(row[todayColumn('Suggested action')]),
    links: linksOf(row),
    done: parseFlag(row[todayColumn('Done')]),
    snoozedUntil: snoozes[supporterId] ?? null,
  };
}

/** Today's list; rebuilt first when the tab is missing or from another day. */
function buildTodayView(ss: Spreadsheet, now: Date): TodayView {
  const today = dateIn(now, ss.getSpreadsheetTimeZone());
  let rows = readTodayRows(getTodaySheet(ss));
  if (!rows.length || rowDate(rows[0]) !== today) {
    rows = withDocumentLock(() => rebuildToday(ss, now)).rows;
  }
  const {snoozes} = readDocumentState(ss);
  return {
    date: today,
    lines: rows.map(r => lineView(r, snoozes)),
    message: rows.length
      ? ''
      : 'Nobody needs you today: no birthdays, nobody to thank or answer.',
  };
}

function completeTodayLine(ss: Spreadsheet, key: string, now: Date) {
  completeLine(ss, key, now);
  return buildTodayView(ss, now);
}

function snoozeTodayLine(
  ss: Spreadsheet,
  key: string,
  period: SnoozePeriod,
  now: Date,
) {
  snoozeLine(ss, key, period, now);
  return buildTodayView(ss, now);
}

function readDigestView(ss: Spreadsheet): DigestSettingsView {
  const s = readDigestSettings(ss.getId());
  return {
    enabled: s.enabled,
    hour: s.hour,
    recipients: s.recipients,
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}

function saveDigestView(
  ss: Spreadsheet,
  request: DigestSettingsRequest,
): DigestSettingsView {
  if (request.enabled) {
    enableDigest(
      ss,
      checkHour(Number(request.hour)),
      checkRecipients(request.recipients ?? []),
    );
  } else {
    disableDigest(ss);
  }
  return readDigestView(ss);
}

function sendTestDigestNow(ss: Spreadsheet, now: Date): Notice {
  return {message: sendDigest(ss, now, true)};
}

function readHealthView(ss: Spreadsheet): HealthView {
  const h = readHealth(ss.getId());
  return {
    lastRun: h.lastRun || null,
    outcome: !h.outcome
      ? 'never'
      : h.outcome === 'failed' || h.outcome === 'stopped'
        ? 'failed'
        : 'ok',
    summary: h.message || 'The daily run has not run yet.',
    lastError: h.lastError || null,
    lastErrorAt: h.lastErrorAt || null,
  };
}

// Each sidebar call: a bug becomes the standard apology, never a raw error.
export const todayView = (ss: Spreadsheet, now: Date) =>
  sidebarCall("loading today's list", () => buildTodayView(ss, now));
export const completeToday = (ss: Spreadsheet, key: string, now: Date) =>
  sidebarCall('marking the line done', () => completeTodayLine(ss, key, now));
export const snoozeToday = (
  ss: Spreadsheet,
  key: string,
  period: SnoozePeriod,
  now: Date,
) => sidebarCall('snoozing', () => snoozeTodayLine(ss, key, period, now));
export const digestSettingsView = (ss: Spreadsheet) =>
  sidebarCall('reading the digest settings', () => readDigestView(ss));
export const saveDigest = (ss: Spreadsheet, request: DigestSettingsRequest) =>
  sidebarCall('saving the digest settings', () => saveDigestView(ss, request));
export const testDigest = (ss: Spreadsheet, now: Date) =>
  sidebarCall('sending a test digest', () => sendTestDigestNow(ss, now));
export const healthView = (ss: Spreadsheet) =>
  sidebarCall('reading the health of the daily run', () => readHealthView(ss));
