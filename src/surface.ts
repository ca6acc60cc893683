/**
 * The public surface: every function Apps Script can call — menu items,
 * triggers, google.script.run calls from the sidebar, and custom functions.
 * scripts/build.js generates a real top-level `function` for each export here
 * (and copies custom functions' JSDoc above it), so this file is the whole
 * list. Entry points stay a few lines: parse the event, call a command.
 */
import {buildMenu} from './commands/menu';

/** Runs when the user opens the spreadsheet (NONE before first use, else LIMITED). */
export function onOpen(): void {
  buildMenu();
}

/** Runs once when the add-on is installed; Sheets does not call onOpen then. */
export function onInstall(): void {
  onOpen();
}
