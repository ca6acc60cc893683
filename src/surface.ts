/**
 * The public surface: every function Apps Script can call — menu items,
 * triggers, google.script.run calls from the sidebar, and custom functions.
 * scripts/build.js generates a real top-level `function` for each export here
 * (and copies custom functions' JSDoc above it), so this file is the whole
 * list. Entry points stay a few lines: parse the event, call a command.
 */
import {findPossibleDuplicates as findDuplicatesCommand} from './commands/duplicates';
import {importInteractions as importCommand} from './commands/import';
import {buildMenu} from './commands/menu';
import {setupTracker as setupCommand} from './commands/setup';
import {runMenuCommand} from './adapters/ui';

/** Runs when the user opens the spreadsheet (NONE before first use, else LIMITED). */
export function onOpen(): void {
  buildMenu();
}

/** Runs once when the add-on is installed; Sheets does not call onOpen then. */
export function onInstall(): void {
  onOpen();
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
