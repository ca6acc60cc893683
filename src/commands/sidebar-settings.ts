/**
 * The sidebar's Settings panel (google.script.run): weights, half-lives,
 * list length and the tag vocabularies, kept in one document property
 * (src/core/settings-panel.ts says how).
 */
import type {SettingsView} from '../api';
import {UserError} from '../core/errors';
import {
  DEFAULT_SETTINGS,
  diffFromDefaults,
  mergeSettings,
} from '../core/settings';
import {
  overridesOf,
  parseStoredSettings,
  settingProblem,
  settingsView,
  StoredSettings,
  storedSettingsText,
  vocabularyPatch,
} from '../core/settings-panel';
import {plainObject} from '../core/sidebar-requests';
import {readDocumentState, writeDocumentState} from '../adapters/document';
import {withDocumentLock} from '../adapters/lock';
import {findTrackerSheet} from '../adapters/tracker-sheet';
import {sidebarCall} from '../adapters/ui';
import {refreshScores} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function readStoredSettings(ss: Spreadsheet): StoredSettings {
  return parseStoredSettings(readDocumentState(ss).settings);
}

export function writeStoredSettings(
  ss: Spreadsheet,
  stored: StoredSettings,
): void {
  writeDocumentState(ss, {settings: storedSettingsText(stored)});
}

export function getSettingsView(): SettingsView {
  return sidebarCall('reading the settings', () => {
    const stored = readStoredSettings(SpreadsheetApp.getActiveSpreadsheet());
    const {settings, warnings} = mergeSettings(
      DEFAULT_SETTINGS,
      stored.overrides,
    );
    return settingsView(settings, warnings, stored.vocabulary);
  });
}

/**
 * Saves what the Settings panel changed. Nothing is saved when any value is
 * unusable (the message says which); when scoring changed, every score is
 * rewritten so the grid shows the new weights at once.
 */
export function saveSettings(patch: unknown): SettingsView {
  return sidebarCall('saving the settings', () => {
    const p = plainObject(patch, 'settings');
    const overrides = overridesOf(p);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return withDocumentLock(() => {
      const stored = readStoredSettings(ss);
      const current = mergeSettings(DEFAULT_SETTINGS, stored.overrides);
      const merged = mergeSettings(current.settings, overrides);
      if (merged.warnings.length) {
        throw new UserError(
          `Nothing was saved. ${merged.warnings.map(settingProblem).join(' ')}`,
        );
      }
      const before = JSON.stringify(current.settings);
      const next: StoredSettings = {
        overrides: diffFromDefaults(DEFAULT_SETTINGS, merged.settings),
        vocabulary: vocabularyPatch(p.vocabulary, stored.vocabulary),
      };
      writeStoredSettings(ss, next);
      if (JSON.stringify(merged.settings) !== before) rescore(ss);
      return settingsView(merged.settings, [], next.vocabulary);
    });
  });
}

/** Weights, half-lives and list length back to the defaults; tags stay. */
export function resetSettings(): SettingsView {
  return sidebarCall('resetting the settings', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return withDocumentLock(() => {
      const stored = readStoredSettings(ss);
      writeStoredSettings(ss, {overrides: {}, vocabulary: stored.vocabulary});
      rescore(ss);
      return settingsView(DEFAULT_SETTINGS, [], stored.vocabulary);
    });
  });
}

/** Rewrites every score after a settings change (not before setup). */
function rescore(ss: Spreadsheet): void {
  if (findTrackerSheet(ss)) refreshScores(ss);
}
