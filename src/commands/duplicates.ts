/**
 * Social CRM › Find possible duplicates: a rebuilt report of supporters who
 * look like the same person. Nothing is merged: the user decides.
 */
import {
  DUPLICATES_HEADERS,
  DUPLICATES_SHEET_NAME,
  duplicatesToRows,
  findDuplicates,
} from '../core/duplicates';
import {withDocumentLock} from '../adapters/lock';
import {rebuildReportSheet} from '../adapters/report-sheet';
import {readTracker} from '../adapters/tracker-sheet';
import {toast} from '../adapters/ui';

export function findPossibleDuplicates(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(() => {
    const tracker = readTracker(ss);
    const groups = findDuplicates(tracker.supporters);
    const [, ...rows] = duplicatesToRows(groups);
    const sheet = rebuildReportSheet(
      ss,
      DUPLICATES_SHEET_NAME,
      DUPLICATES_HEADERS,
      rows,
    );
    sheet.activate();
    toast(
      groups.length
        ? `${groups.length} groups of possible duplicates. Nothing was merged: edit or delete rows in your supporters sheet if they are the same person.`
        : 'No possible duplicates found.',
    );
  });
}
