/**
 * Tagging and interest notes from the sidebar (google.script.run), for one
 * supporter or many rows at once.
 *
 * Every write runs under the document lock, reads each block once and
 * writes each block of adjacent rows once, into plain-text cells (so a tag
 * or a note like "=IMPORTXML(…)" stays text). Turning a tag on twice leaves
 * one tag, and a cell that would not change is not written.
 */
import type {NotesResult, TagField, TagResult} from '../api';
import {PLAIN_TEXT, textOf} from '../core/cells';
import {FIELD_LABELS, formatTags, parseTags} from '../core/columns';
import {UserError} from '../core/errors';
import {checkVocabulary, parseStoredSettings} from '../core/settings-panel';
import {parseNotesRequest, parseTagRequest} from '../core/sidebar-requests';
import {countTags} from '../core/supporter-view';
import {resolveTarget} from '../core/targets';
import {withDocumentLock} from '../adapters/lock';
import {readTracker, Tracker} from '../adapters/tracker-sheet';
import {sidebarCall} from '../adapters/ui';
import {cellsOf, keyAfterChange} from './sidebar-selection';
import {writeStoredSettings} from './sidebar-settings';

function requireColumn(tracker: Tracker, field: TagField | 'interestNotes') {
  const column = tracker.mapping.fields[field];
  if (column === undefined) {
    throw new UserError(
      `The tracker has no "${FIELD_LABELS[field]}" column. Run Social CRM › Set up tracker to add it.`,
    );
  }
  return column;
}

/**
 * Writes new text into one column for some of `rows` (the targeted rows).
 * One write per block of adjacent targeted rows, from its first to its last
 * changed row (targeted rows in between keep their value); each block is made
 * plain text first, so nothing written becomes a formula, number or date.
 */
function writeColumnCells(
  tracker: Tracker,
  column: number,
  rows: readonly number[],
  changes: ReadonlyMap<number, string>,
): void {
  const blocks: number[][] = [];
  for (const row of rows) {
    const block = blocks[blocks.length - 1];
    if (block && row === block[block.length - 1] + 1) block.push(row);
    else blocks.push([row]);
  }
  for (const block of blocks) {
    const changed = block.filter(r => changes.has(r));
    if (!changed.length) continue;
    const from = changed[0];
    const to = changed[changed.length - 1];
    const values: unknown[][] = [];
    for (let row = from; row <= to; row++) {
      values.push([
        changes.has(row)
          ? changes.get(row)
          : (tracker.values[row - 1]?.[column - 1] ?? ''),
      ]);
    }
    const range = tracker.sheet.getRange(from, column, values.length, 1);
    range.setNumberFormat(PLAIN_TEXT);
    range.setValues(values);
  }
}

/** Turns one tag on or off for one or many supporters. */
export function setTag(request: unknown): TagResult {
  return sidebarCall('changing tags', () => {
    const req = parseTagRequest(request);
    const {field, tag, on} = req;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return withDocumentLock(() => {
      const tracker = readTracker(ss);
      const cellOf = cellsOf(tracker);
      const column = requireColumn(tracker, field);
      const people = resolveTarget(tracker.supporters, req.target);
      const changes = new Map<number, string>();
      for (const who of people) {
        const tags = parseTags(cellOf(who, field));
        if (tags.includes(tag) === on) continue;
        changes.set(
          who.row!,
          formatTags(on ? [...tags, tag] : tags.filter(t => t !== tag)),
        );
      }
      writeColumnCells(
        tracker,
        column,
        people.map(p => p.row!),
        changes,
      );
      for (const [row, value] of changes) {
        tracker.values[row - 1][column - 1] = value;
      }
      const stored = parseStoredSettings(tracker.state.settings);
      if (on && !stored.vocabulary[field].includes(tag)) {
        stored.vocabulary[field] = [...stored.vocabulary[field], tag];
        checkVocabulary(stored.vocabulary);
        writeStoredSettings(ss, stored);
      }
      return {
        field,
        tag,
        changed: changes.size,
        supporters: people.length,
        counts: countTags(people, cellOf, field, stored.vocabulary),
        selectionKey: keyAfterChange(ss, req.selectionKey),
      };
    });
  });
}

/** Saves one supporter's interest notes (the sidebar saves on blur). */
export function saveInterestNotes(request: unknown): NotesResult {
  return sidebarCall('saving the notes', () => {
    const req = parseNotesRequest(request);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return withDocumentLock(() => {
      const tracker = readTracker(ss);
      const column = requireColumn(tracker, 'interestNotes');
      const people = resolveTarget(tracker.supporters, req.target);
      if (people.length !== 1) {
        throw new Error('notes are saved for one supporter at a time');
      }
      const row = people[0].row!;
      if (textOf(tracker.values[row - 1]?.[column - 1]) !== req.notes) {
        writeColumnCells(tracker, column, [row], new Map([[row, req.notes]]));
      }
      return {
        interestNotes: req.notes,
        selectionKey: keyAfterChange(ss, req.selectionKey),
      };
    });
  });
}
