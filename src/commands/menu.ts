/**
 * The "Social CRM" menu. Captions are a public interface (the README, the CLI
 * `menu "CAPTION"` and users' habits rely on them): extend, never rename.
 */
import {ADDON_TITLE} from '../adapters/ui';

export interface MenuItem {
  caption: string;
  /** A top-level function in the bundle (see src/surface.ts). */
  functionName: string;
}

/** null marks a separator. */
export const MENU: readonly (MenuItem | null)[] = [
  {caption: 'Open sidebar', functionName: 'openSidebar'},
  {caption: 'Set up tracker', functionName: 'setupTracker'},
  {caption: 'Import interactions…', functionName: 'importInteractions'},
  {caption: 'Find possible duplicates', functionName: 'findPossibleDuplicates'},
  null,
  {caption: "Refresh today's list", functionName: 'refreshTodayList'},
  {caption: 'Daily digest…', functionName: 'dailyDigest'},
  {caption: 'Dashboard', functionName: 'openDashboard'},
  {caption: 'Refresh scores', functionName: 'refreshScores'},
  null,
  {caption: 'Connect accounts…', functionName: 'connectAccounts'},
  {caption: 'Sync engagement', functionName: 'syncEngagement'},
  {caption: 'Import X archive…', functionName: 'importXArchive'},
  {caption: 'Suggest handles', functionName: 'suggestHandles'},
];

/**
 * Builds the menu. Runs under AuthMode.NONE before the add-on is used in a
 * file, where anything but Ui menu calls throws — so it touches nothing else.
 */
export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu =
    WHUFFIE_MENU === 'bound'
      ? ui.createMenu(ADDON_TITLE)
      : ui.createAddonMenu();
  for (const item of MENU) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
