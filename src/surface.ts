/**
 * The public surface: every function Apps Script can call — menu items,
 * triggers, google.script.run calls from the sidebar, and custom functions.
 * scripts/build.js generates a real top-level `function` for each export here
 * (and copies custom functions' JSDoc above it), so this file is the whole
 * list. Entry points stay a few lines: parse the event, call a command.
 */
import {
  dailyDigestMenu,
  reportStoppedDigest,
  runDailyDigest,
} from './commands/digest';
import {buildDashboard as dashboardCommand} from './commands/dashboard';
import {findPossibleDuplicates as findDuplicatesCommand} from './commands/duplicates';
import {
  importInteractions as importCommand,
  importInteractionsFile as importFileCommand,
} from './commands/import';
import {buildMenu} from './commands/menu';
import {onNewPeopleEdit} from './commands/new-people';
import {
  onHandleSuggestionsEdit,
  suggestHandles as suggestHandlesCommand,
} from './commands/handle-suggestions';
import {setupTracker as setupCommand} from './commands/setup';
import {refreshScoresNow as refreshScoresCommand} from './commands/scores';
import {sheetFunction} from './commands/sheet-functions';
import {
  onTodayEdit,
  refreshTodayList as refreshTodayCommand,
} from './commands/today';
import {parseMeasure} from './core/sheet-functions';
import {syncEngagement as syncCommand} from './commands/sync';
import * as connect from './commands/connect';
import {importXArchiveFile as importArchiveCommand} from './commands/x-archive';
import {openSidebarOn} from './commands/open-sidebar-on';
import {runMenuCommand} from './adapters/ui';
import type {
  ConnectionsApi,
  ConnectionsView,
  DigestSettings as DigestSettingsRequest,
  DigestSettingsView,
  HealthView,
  ImportApi,
  Notice,
  SnoozePeriod,
  SyncReport,
  TodayApi,
  TodayView,
} from './api';
import {
  completeToday,
  digestSettingsView,
  healthView,
  saveDigest,
  snoozeToday,
  testDigest,
  todayView,
} from './commands/sidebar-today';

/**
 * Runs when the user opens the spreadsheet: AuthMode.NONE before the add-on
 * is first used in this file (then only the menu may be built), else LIMITED.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  if (e && e.authMode !== ScriptApp.AuthMode.NONE) reportStoppedDigest();
}

/** Runs once when the add-on is installed; Sheets does not call onOpen then. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Social CRM › Set up tracker */
export function setupTracker(): void {
  runMenuCommand('setting up the tracker', setupCommand);
}

/** Social CRM › Import interactions… */
export function importInteractions(): void {
  runMenuCommand('importing interactions', importCommand);
}

/** Social CRM › Find possible duplicates */
export function findPossibleDuplicates(): void {
  runMenuCommand('looking for duplicates', findDuplicatesCommand);
}

/** Social CRM › Refresh today's list */
export function refreshTodayList(): void {
  runMenuCommand("refreshing today's list", refreshTodayCommand);
}

/**
 * A user edited a cell (simple trigger, LIMITED mode; never fired by script
 * writes). The Reach out today tab reacts (Done and Snooze), the New
 * people sheet (Action) and the Handle suggestions sheet (Action).
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onTodayEdit(e);
  onNewPeopleEdit(e);
  onHandleSuggestionsEdit(e);
}

/** Social CRM › Daily digest… */
export function dailyDigest(): void {
  runMenuCommand('setting up the daily digest', dailyDigestMenu);
}

/** The daily digest's time-driven trigger (installed by Daily digest…). */
export function dailyDigestRun(e: {triggerUid?: string}): void {
  runDailyDigest(e);
}

/** Social CRM › Refresh scores */
export function refreshScores(): void {
  runMenuCommand('refreshing scores', refreshScoresCommand);
}

/** Social CRM › Connect accounts… */
export function connectAccounts(): void {
  runMenuCommand('connecting an account', connect.connectAccounts);
}

/** Social CRM › Sync engagement */
export function syncEngagement(): void {
  runMenuCommand('syncing engagement', syncCommand);
}

/** Social CRM › Import X archive…: the sidebar, opened on its import section. */
export function importXArchive(): void {
  runMenuCommand('opening the X archive import', () => openSidebarOn('import'));
}

/** Social CRM › Suggest handles */
export function suggestHandles(): void {
  runMenuCommand('suggesting handles', suggestHandlesCommand);
}

/** Sidebar / dialog: one file of an X archive (tweets.js, like.js, follower.js) as text. */
export function importXArchiveFile(name: string, text: string): Notice {
  return importArchiveCommand(name, text);
}

/** Sidebar: a CSV file of past interactions, as text (Settings › Import interactions). */
export function importInteractionsFile(name: string, text: string): Notice {
  return importFileCommand(name, text);
}

/** Fails to compile when an import entry point no longer matches src/api.ts. */
export type ImportSurface = Implements<ImportApi, typeof import('./surface')>;

// ---- Connected accounts, for the sidebar (google.script.run) ----------------
// Each one line: the work is in src/commands/connect.ts, shared with the menu.

/** Sidebar: who is connected (never a password or token) and the X budget used. */
export function getConnections(): ConnectionsView {
  return connect.getConnections(
    SpreadsheetApp.getActiveSpreadsheet(),
    new Date(),
  );
}

/** Sidebar: connect Bluesky with a handle and an app password. */
export function connectBluesky(request: unknown): ConnectionsView {
  return connect.connectFromSidebar(
    SpreadsheetApp.getActiveSpreadsheet(),
    'bluesky',
    request,
    new Date(),
  );
}

/** Sidebar: connect Mastodon with an account and an access token. */
export function connectMastodon(request: unknown): ConnectionsView {
  return connect.connectFromSidebar(
    SpreadsheetApp.getActiveSpreadsheet(),
    'mastodon',
    request,
    new Date(),
  );
}

/** Sidebar: connect the X API with a bearer token, the organisation and a read budget. */
export function connectX(request: unknown): ConnectionsView {
  return connect.connectFromSidebar(
    SpreadsheetApp.getActiveSpreadsheet(),
    'x',
    request,
    new Date(),
  );
}

/** Sidebar: forget one network's account. */
export function disconnectAccount(network: unknown): ConnectionsView {
  return connect.disconnectFromSidebar(
    SpreadsheetApp.getActiveSpreadsheet(),
    network,
    new Date(),
  );
}

/** Sidebar: Sync now. */
export function syncNow(): SyncReport {
  return connect.syncNow(SpreadsheetApp.getActiveSpreadsheet(), new Date());
}

/** Fails to compile when an entry point above no longer matches src/api.ts. */
export type ConnectionsSurface = Implements<
  ConnectionsApi,
  typeof import('./surface')
>;

/** Social CRM › Dashboard */
export function openDashboard(): void {
  runMenuCommand('building the dashboard', dashboardCommand);
}

/**
 * The whuffie (social capital) you have built with a supporter: your
 * deposits (thanks, shares, help) minus your asks, fading with a 90-day
 * half-life. Give the log range too, so the value follows the log.
 * Example: =WHUFFIE(Y2:Y, Interactions!A2:K)
 *
 * @param {string|Array<Array<string>>} who A Supporter ID, email or handle (any spelling), or a range of them.
 * @param {Array<Array<*>>} log Optional. The Interactions log; with it the result updates whenever the log changes.
 * @return The whuffie, one decimal (a column for a range).
 * @customfunction
 */
export function WHUFFIE(who: unknown, log?: unknown): unknown {
  return sheetFunction(who, log, row => row.whuffie);
}

/**
 * How responsive a supporter is to you, 0–100: recent engagement, how often
 * they answer your outreach, and how recently they engaged.
 * Example: =RESPONSIVENESS("@tiger_fan", Interactions!A2:K)
 *
 * @param {string|Array<Array<string>>} who A Supporter ID, email or handle (any spelling), or a range of them.
 * @param {Array<Array<*>>} log Optional. The Interactions log; with it the result updates whenever the log changes.
 * @return Responsiveness from 0 to 100 (a column for a range).
 * @customfunction
 */
export function RESPONSIVENESS(who: unknown, log?: unknown): unknown {
  return sheetFunction(who, log, row => row.responsiveness);
}

/**
 * When you were last in touch with a supporter, in either direction.
 * Example: =LAST_CONTACT(B2:B, Interactions!A2:K)
 *
 * @param {string|Array<Array<string>>} who A Supporter ID, email or handle (any spelling), or a range of them.
 * @param {Array<Array<*>>} log Optional. The Interactions log; with it the result updates whenever the log changes.
 * @return The date and time of the last interaction, blank if none (a column for a range).
 * @customfunction
 */
export function LAST_CONTACT(who: unknown, log?: unknown): unknown {
  return sheetFunction(who, log, row =>
    row.lastContact === null ? '' : new Date(row.lastContact),
  );
}

/**
 * What a supporter has given back: "promotion" (reposts and quotes of your
 * posts), "action" (volunteered, signed, attended, defended you) or
 * "donations" (total amount of donations and memberships).
 * Example: =SUPPORTER_VALUE(Y2:Y, "promotion", Interactions!A2:K)
 *
 * @param {string|Array<Array<string>>} who A Supporter ID, email or handle (any spelling), or a range of them.
 * @param {string} measure "promotion", "action" or "donations".
 * @param {Array<Array<*>>} log Optional. The Interactions log; with it the result updates whenever the log changes.
 * @return The count (promotion, action) or amount (donations); a column for a range.
 * @customfunction
 */
export function SUPPORTER_VALUE(
  who: unknown,
  measure: unknown,
  log?: unknown,
): unknown {
  const m = parseMeasure(measure);
  return sheetFunction(who, log, row => row[m]);
}

// ---- Today, the digest and health, for the sidebar (google.script.run) -----

/** Sidebar: today's list (rebuilt first if the tab is from another day). */
export function getTodayList(): TodayView {
  return todayView(SpreadsheetApp.getActiveSpreadsheet(), new Date());
}

/** Sidebar: Done on a line of today's list. */
export function completeTodayLine(key: string): TodayView {
  return completeToday(SpreadsheetApp.getActiveSpreadsheet(), key, new Date());
}

/** Sidebar: snooze the person on a line of today's list. */
export function snoozeTodayLine(key: string, period: SnoozePeriod): TodayView {
  return snoozeToday(
    SpreadsheetApp.getActiveSpreadsheet(),
    key,
    period,
    new Date(),
  );
}

/** Sidebar: the daily digest settings of this user for this spreadsheet. */
export function getDigestSettings(): DigestSettingsView {
  return digestSettingsView(SpreadsheetApp.getActiveSpreadsheet());
}

/** Sidebar: turn the digest on or off, set its hour and recipients. */
export function saveDigestSettings(
  settings: DigestSettingsRequest,
): DigestSettingsView {
  return saveDigest(SpreadsheetApp.getActiveSpreadsheet(), settings);
}

/** Sidebar: send a test digest now. */
export function sendTestDigest(): Notice {
  return testDigest(SpreadsheetApp.getActiveSpreadsheet(), new Date());
}

/** Sidebar: how the last daily run went. */
export function getHealth(): HealthView {
  return healthView(SpreadsheetApp.getActiveSpreadsheet());
}

/** Fails to compile when an entry point above no longer matches src/api.ts. */
export type TodaySurface = Implements<TodayApi, typeof import('./surface')>;

// ---- The sidebar's server API (google.script.run) --------------------------
// Each one line: the work is in src/commands/sidebar-*.ts, the shapes in
// src/api.ts (the sidebar's typed wrapper, sidebar/server.ts, calls these).
import type {
  Implements,
  LogResult,
  NotesResult,
  SelectionState,
  SettingsView,
  SupporterApi,
  TagResult,
} from './api';
import * as logging from './commands/sidebar-log';
import * as selection from './commands/sidebar-selection';
import * as settingsPanel from './commands/sidebar-settings';
import * as tagging from './commands/sidebar-tags';

/** Social CRM › Open sidebar */
export function openSidebar(): void {
  runMenuCommand('opening the sidebar', selection.openSidebar);
}

/** Sidebar poll: the selected supporter(s); `{unchanged}` while `lastKey` still holds. */
export function getSelectionState(lastKey?: string | null): SelectionState {
  return selection.getSelectionState(lastKey);
}

/** Sidebar: turn a relationship tag or topic on or off for one or many rows. */
export function setTag(request: unknown): TagResult {
  return tagging.setTag(request);
}

/** Sidebar: save a supporter's interest notes. */
export function saveInterestNotes(request: unknown): NotesResult {
  return tagging.saveInterestNotes(request);
}

/** Sidebar: log an interaction (one click) and rescore. */
export function logInteraction(request: unknown): LogResult {
  return logging.logInteraction(request);
}

/** Sidebar: the Settings panel's vocabularies and scoring values. */
export function getSettingsView(): SettingsView {
  return settingsPanel.getSettingsView();
}

/** Sidebar: save what the Settings panel changed. */
export function saveSettings(patch: unknown): SettingsView {
  return settingsPanel.saveSettings(patch);
}

/** Sidebar: weights, half-lives and list length back to the defaults. */
export function resetSettings(): SettingsView {
  return settingsPanel.resetSettings();
}

/** Fails to compile when an entry point above no longer matches src/api.ts. */
export type SidebarSurface = Implements<
  SupporterApi,
  typeof import('./surface')
>;
