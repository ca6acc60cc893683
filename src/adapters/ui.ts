/**
 * How commands talk to the person at the keyboard. Errors written for users
 * are shown as they are; anything else is a bug: logged with its stack, and
 * the user gets an apology that says what to do, never a stack trace.
 */
import {isUserError} from '../core/errors';

export const ADDON_TITLE = 'Social CRM';

export function userMessageFor(e: unknown, action: string): string {
  if (isUserError(e)) return e.message;
  console.error(`${action} failed`, e instanceof Error ? e.stack : e);
  return `Sorry, ${action} failed because of a problem in Whuffie itself. Nothing was changed. Try again; if it keeps happening, report it with the time it happened.`;
}

export function toast(message: string, title = ADDON_TITLE, seconds = 5): void {
  SpreadsheetApp.getActiveSpreadsheet()?.toast(message, title, seconds);
}

export function alert(message: string, title = ADDON_TITLE): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Yes/No question; true only for Yes. */
export function confirm(message: string, title = ADDON_TITLE): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** A text prompt; null when cancelled or closed. */
export function prompt(message: string, title = ADDON_TITLE): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK
    ? response.getResponseText()
    : null;
}

/**
 * Runs a menu command: its errors end in an alert written for the user, so
 * nothing reaches Sheets' own "script error" bar.
 */
export function runMenuCommand(action: string, command: () => void): void {
  try {
    command();
  } catch (e) {
    alert(userMessageFor(e, action));
  }
}

/**
 * Runs one sidebar call (google.script.run). The sidebar shows the failure's
 * message as is, so anything that is not a UserError becomes the standard
 * apology (and is logged with its stack), never a stack trace.
 */
export function sidebarCall<T>(action: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (isUserError(e)) throw e;
    throw new Error(userMessageFor(e, action));
  }
}

/**
 * insertSheet makes the new sheet the active one (as in Sheets); the add-on
 * creates its sheets without moving the user away from where they work.
 */
export function insertSheetQuietly(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  index?: number,
): GoogleAppsScript.Spreadsheet.Sheet {
  const active = ss.getActiveSheet();
  const sheet =
    index === undefined ? ss.insertSheet(name) : ss.insertSheet(name, index);
  active?.activate();
  return sheet;
}
