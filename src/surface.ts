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
import {findPossibleDuplicates as findDuplicatesCommand} from './commands/duplicates';
import {importInteractions as importCommand} from './commands/import';
import {buildMenu} from './commands/menu';
import {setupTracker as setupCommand} from './commands/setup';
import {refreshScoresNow as refreshScoresCommand} from './commands/scores';
import {sheetFunction} from './commands/sheet-functions';
import {
  onTodayEdit,
  refreshTodayList as refreshTodayCommand,
} from './commands/today';
import {parseMeasure} from './core/sheet-functions';
import {runMenuCommand} from './adapters/ui';

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
 * writes). Only the Reach out today tab reacts: Done and Snooze.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onTodayEdit(e);
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

// ---- The sidebar's server API (google.script.run) --------------------------
