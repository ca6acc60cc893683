/** One-click logging from the sidebar (google.script.run). */
import type {LogResult} from '../api';
import {UserError} from '../core/errors';
import {interactionLabel} from '../core/interaction-labels';
import {valueClassOf} from '../core/kinds';
import {LOG_SHEET_NAME, toLogRow} from '../core/model';
import {plural} from '../core/plural';
import {parseStoredSettings} from '../core/settings-panel';
import {parseLogRequest} from '../core/sidebar-requests';
import {supporterView, ViewContext} from '../core/supporter-view';
import {resolveTarget} from '../core/targets';
import {appendLogRows, getLogSheet, readLogRows} from '../adapters/log-sheet';
import {withDocumentLock} from '../adapters/lock';
import {readTracker} from '../adapters/tracker-sheet';
import {sidebarCall} from '../adapters/ui';
import {scoreSupporters, writeScores} from './scores';
import {cellsOf, keyAfterChange} from './sidebar-selection';

/**
 * Logs one event for one or many supporters: one appended block, then their
 * scores rewritten (the grid's columns and the sheet functions follow).
 * Nobody else's events changed, so nobody else is rescored. The tracker and
 * the log are read once each; scoring sees the new rows before they are
 * written, so nothing is read back.
 */
export function logInteraction(request: unknown): LogResult {
  return sidebarCall('logging the interaction', () => {
    const req = parseLogRequest(request);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return withDocumentLock(() => {
      const logSheet = getLogSheet(ss);
      if (!logSheet) {
        throw new UserError(
          `There is no "${LOG_SHEET_NAME}" sheet to log to. Run Social CRM › Set up tracker to create it.`,
        );
      }
      const tracker = readTracker(ss);
      const people = resolveTarget(tracker.supporters, req.target);
      const missing = people.filter(p => !p.id).length;
      if (missing) {
        throw new UserError(
          `${plural(missing, 'selected row has', 'selected rows have')} no Supporter ID yet. Run Social CRM › Set up tracker to give them one, then log again.`,
        );
      }
      const now = new Date();
      const rows = people.map(who =>
        toLogRow({
          when: now,
          supporterId: who.id!,
          direction: req.direction,
          kind: req.kind,
          channel: req.channel,
          valueClass: valueClassOf(req.direction, req.kind),
          amount: req.amount,
          note: req.note,
          link: req.link,
          source: 'sidebar',
          eventId: '',
        }),
      );
      const run = scoreSupporters(
        ss,
        tracker,
        new Set(people.map(who => who.id!)),
        now,
        [...readLogRows(logSheet), ...rows],
      );
      appendLogRows(logSheet, rows);
      writeScores(run);
      const label = interactionLabel(req.direction, req.kind);
      const one = people.length === 1 ? people[0] : null;
      const who = one && run.tracker.supporters.find(s => s.id === one.id);
      const score = one && run.result.scores.get(one.id!);
      const context: ViewContext = {
        now,
        timeZone: run.timeZone,
        settings: run.settings,
        vocabulary: parseStoredSettings(run.tracker.state.settings).vocabulary,
      };
      return {
        logged: rows.length,
        message: `Logged "${label}" for ${
          one ? one.name || one.email || one.id : `${people.length} supporters`
        }.`,
        supporter:
          who && score
            ? supporterView(who, cellsOf(run.tracker), [], context, {
                score,
                events: run.log.events,
              })
            : null,
        selectionKey: keyAfterChange(ss, req.selectionKey),
      };
    });
  });
}
