/**
 * Engagement sync: Bluesky notifications, Mastodon notifications and X
 * mentions into the Interactions log, and the writing shared with the X archive.
 *
 * Network calls happen outside the document lock (they can take minutes);
 * the log, the New people sheet and the scores are then written under the
 * lock with one append for the whole run, and the sync positions are saved
 * only after that append: a failure in between re-reads events that the
 * Event ID check then skips, and never loses any.
 */
import {
  BlueskyConnection,
  MastodonConnection,
  readConnections,
  readCursors,
  SyncCursors,
  writeConnections,
  writeCursors,
} from '../adapters/connections';
import {queryString} from '../adapters/http';
import {withDocumentLock} from '../adapters/lock';
import {
  appendLogRows,
  createLogSheet,
  getLogSheet,
  readLogRows,
} from '../adapters/log-sheet';
import {offerActions, rebuildReportSheet} from '../adapters/report-sheet';
import {readTracker, requireTrackerSheet} from '../adapters/tracker-sheet';
import {alert} from '../adapters/ui';
import {textOf} from '../core/cells';
import {UserError} from '../core/errors';
import {IdentityIndex, SupporterIdentity} from '../core/handles';
import {logColumn, toLogRow} from '../core/model';
import {parseNotifications as parseBluesky} from '../core/sync/bluesky';
import {
  byTime,
  StopReason,
  sweepForward,
  sweepNewestFirst,
} from '../core/sync/cursors';
import type {SyncedEvent} from '../core/sync/events';
import {
  NOTIFICATION_TYPES,
  parseNotifications as parseMastodon,
} from '../core/sync/mastodon';
import {
  logKey,
  matchEvents,
  NEW_PEOPLE_HEADERS,
  NEW_PEOPLE_NOTES,
  NEW_PEOPLE_SHEET,
  newPeopleRows,
  parseNewPeople,
  rankNewPeople,
} from '../core/sync/matching';
import {NEW_PEOPLE_ACTIONS} from '../core/sync/new-people-actions';
import {
  blueskyCaller,
  describeBluesky,
  describeMastodon,
  isRateLimit,
  mastodonNotifications,
} from './network-clients';
import {scoreEveryone, writeScores} from './scores';
import {sourceProblem, SourceRun} from './source-run';
import {syncX} from './sync-x';
import {plural} from '../core/plural';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Stop fetching well before Apps Script's 6 minutes: the writes come after. */
const FETCH_DEADLINE_MS = 4.5 * 60_000;

function syncBluesky(
  conn: BlueskyConnection,
  cursors: SyncCursors,
  shouldStop: () => StopReason | null,
  save: () => void,
): SourceRun {
  const call = blueskyCaller(conn, save);
  const result = sweepNewestFirst(
    cursors.bluesky ?? {mark: ''},
    cursor => {
      const page = parseBluesky(
        call(
          'app.bsky.notification.listNotifications',
          queryString({limit: 100, cursor}),
        ),
      );
      return {items: page.items, next: page.cursor};
    },
    {order: byTime, shouldStop, isRateLimit},
  );
  return {
    label: 'Bluesky',
    events: result.items.filter((e): e is SyncedEvent => e !== null),
    problem: sourceProblem(result.stopped, describeBluesky(conn)),
    commit: c => (c.bluesky = result.state),
  };
}

function syncMastodon(
  conn: MastodonConnection,
  cursors: SyncCursors,
  shouldStop: () => StopReason | null,
): SourceRun {
  const result = sweepForward(
    cursors.mastodon ?? '',
    after =>
      parseMastodon(
        mastodonNotifications(conn, {
          'types[]': NOTIFICATION_TYPES,
          limit: 80,
          // min_id pages forwards: 0 starts from the oldest kept.
          min_id: after || '0',
        }),
        conn.host,
      ),
    {shouldStop, isRateLimit},
  );
  return {
    label: 'Mastodon',
    events: result.items.filter((e): e is SyncedEvent => e !== null),
    problem: sourceProblem(result.stopped, describeMastodon(conn)),
    commit: c => (c.mastodon = result.mark),
  };
}

// ---- Writing what was found --------------------------------------------------

interface WriteOutcome {
  added: number;
  /** Per source label: rows added. */
  bySource: Map<string, number>;
  newPeople: number;
  unmatched: number;
}

/**
 * Matches the events, appends the new ones in one write, rebuilds New people
 * and the scores, then saves the positions. Runs under the document lock.
 */
export function writeEvents(
  ss: Spreadsheet,
  events: readonly SyncedEvent[],
  cursors: SyncCursors,
  commit: () => void,
  archive?: {
    /** X ids and usernames an archive revealed. */
    usernames: ReadonlyMap<string, string>;
    /** Events that can only be found from the log (likes of linked posts). */
    extraEvents: (rows: unknown[][]) => SyncedEvent[];
  },
): WriteOutcome {
  const tracker = readTracker(ss);
  const supporters = tracker.supporters.filter(s => s.id);
  const index = new IdentityIndex<SupporterIdentity>(supporters);
  const log = getLogSheet(ss) ?? createLogSheet(ss);
  const rows = readLogRows(log);
  const idCol = logColumn('Supporter ID');
  const eventCol = logColumn('Event ID');
  const existing = new Set<string>();
  for (const row of rows) {
    const eventId = textOf(row[eventCol]);
    if (eventId) existing.add(logKey(textOf(row[idCol]), eventId));
  }
  const xIds = new Map(Object.entries(cursors.xIds ?? {}));
  for (const [xId, username] of archive?.usernames ?? []) {
    const found = index.lookup([`x:${username.toLowerCase()}`]).found;
    if (found?.id && !xIds.has(xId)) {
      xIds.set(xId, found.id);
      (cursors.xIds ??= {})[xId] = found.id;
    }
  }
  // The log reads oldest first, whatever order the networks page in.
  const all = [...events, ...(archive?.extraEvents(rows) ?? [])].sort(
    (a, b) => a.when.getTime() - b.when.getTime(),
  );
  const match = matchEvents({
    events: all,
    index,
    existing,
    xIds,
  });
  const added = match.interactions.map(toLogRow);
  appendLogRows(log, added);
  if (match.learnedXIds.size) {
    cursors.xIds = {
      ...cursors.xIds,
      ...Object.fromEntries(match.learnedXIds),
    };
  }
  commit();
  const previousSheet = ss.getSheetByName(NEW_PEOPLE_SHEET);
  const previous = previousSheet
    ? parseNewPeople(previousSheet.getDataRange().getValues())
    : [];
  const inboundUnmatched = match.unmatched.filter(
    e => e.direction === 'inbound',
  );
  let newPeople = previous.length;
  if (inboundUnmatched.length || previousSheet) {
    const ranked = rankNewPeople(previous, inboundUnmatched, supporters, index);
    newPeople = ranked.length;
    if (ranked.length || previousSheet) {
      const sheet = rebuildReportSheet(
        ss,
        NEW_PEOPLE_SHEET,
        NEW_PEOPLE_HEADERS,
        newPeopleRows(ranked),
        NEW_PEOPLE_NOTES,
      );
      offerActions(
        sheet,
        NEW_PEOPLE_HEADERS.indexOf('Action') + 1,
        ranked.length,
        {
          actions: NEW_PEOPLE_ACTIONS,
          help: 'Add as supporter, Match to suggested, or type Match to S-XXXXXX.',
          allowTyped: true,
        },
      );
    }
  }
  // Scored from the tracker and log rows already in hand: nothing is read back.
  if (added.length) {
    writeScores(scoreEveryone(ss, new Date(), [...rows, ...added], tracker));
  }
  const bySource = new Map<string, number>();
  for (const i of match.interactions) {
    bySource.set(i.source, (bySource.get(i.source) ?? 0) + 1);
  }
  return {
    added: match.interactions.length,
    bySource,
    newPeople,
    unmatched: match.unmatched.length,
  };
}

// ---- The sync ----------------------------------------------------------------

export interface SyncSummary {
  added: number;
  lines: string[];
  problems: string[];
}

const SOURCE_OF_LABEL: Record<string, string> = {
  Bluesky: 'bluesky',
  Mastodon: 'mastodon',
  X: 'x',
};

/**
 * Syncs every connected account of this user for this spreadsheet. One
 * source failing (a revoked token, a server down, a 429) does not stop the
 * others; its problem is in the summary. Used by the menu and the daily run.
 */
export function syncAllSources(
  ss: Spreadsheet,
  started = Date.now(),
): SyncSummary {
  const id = ss.getId();
  const connections = readConnections(id);
  if (!connections.bluesky && !connections.mastodon && !connections.x) {
    throw new UserError(
      'No account is connected yet. Choose Social CRM › Connect accounts… and connect Bluesky, Mastodon or the X API first.',
    );
  }
  // Fail early (before any network call) when there is no tracker.
  requireTrackerSheet(ss);
  const cursors = readCursors(id);
  const shouldStop = (): StopReason | null =>
    Date.now() - started > FETCH_DEADLINE_MS ? 'time' : null;
  const save = () => writeConnections(id, connections);
  const runs: SourceRun[] = [];
  if (connections.bluesky) {
    runs.push(syncBluesky(connections.bluesky, cursors, shouldStop, save));
  }
  if (connections.mastodon) {
    runs.push(syncMastodon(connections.mastodon, cursors, shouldStop));
  }
  if (connections.x) {
    runs.push(syncX(connections.x, cursors, shouldStop, new Date(started)));
  }
  const outcome = withDocumentLock(() =>
    writeEvents(
      ss,
      runs.flatMap(r => r.events),
      cursors,
      () => {
        for (const run of runs) run.commit(cursors);
        cursors.lastSync = new Date(started).toISOString();
        writeCursors(id, cursors);
      },
    ),
  );
  const lines = runs.map(run => {
    const added = outcome.bySource.get(SOURCE_OF_LABEL[run.label]) ?? 0;
    const count = `${run.label}: ${plural(added, 'new interaction')}`;
    return run.problem ? `${count}; ${run.problem}` : `${count}.`;
  });
  if (outcome.unmatched) {
    lines.push(
      `${plural(outcome.unmatched, 'event')} came from people who are not in your tracker: see the "${NEW_PEOPLE_SHEET}" sheet (${plural(outcome.newPeople, 'person', 'people')}, most engaged first).`,
    );
  }
  return {
    added: outcome.added,
    lines,
    problems: runs.map(r => r.problem).filter(Boolean),
  };
}

/** Social CRM › Sync engagement */
export function syncEngagement(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const summary = syncAllSources(ss);
  alert(summary.lines.join('\n'));
}
