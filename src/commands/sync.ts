/**
 * Engagement sync: Bluesky notifications, Mastodon notifications and X
 * mentions into the Interactions log; Connect accounts…; the X archive.
 *
 * Network calls happen outside the document lock (they can take minutes);
 * the log, the New people sheet and the scores are then written under the
 * lock with one append for the whole run, and the sync positions are saved
 * only after that append: a failure in between re-reads events that the
 * Event ID check then skips, and never loses any.
 */
import type {Notice} from '../api';
import {textOf} from '../core/cells';
import {UserError, isUserError} from '../core/errors';
import {IdentityIndex, SupporterIdentity} from '../core/handles';
import {logColumn, toLogRow} from '../core/model';
import {
  blueskyProblem,
  DEFAULT_PDS,
  parseNotifications as parseBluesky,
  parseSession,
} from '../core/sync/bluesky';
import {
  byNumericId,
  byTime,
  postsAllowed,
  StopReason,
  sweepForward,
  sweepNewestFirst,
} from '../core/sync/cursors';
import type {SyncedEvent} from '../core/sync/events';
import {
  instanceHost,
  mastodonProblem,
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
  attributeLikes,
  postOwners,
  readArchiveFile,
} from '../core/sync/x-archive';
import {
  DEFAULT_X_API,
  parseMentions,
  parseUser,
  xProblem,
} from '../core/sync/x-api';
import {
  BlueskyConnection,
  Connections,
  readConnections,
  readCursors,
  SyncCursors,
  writeConnections,
  writeCursors,
  XConnection,
  MastodonConnection,
} from '../adapters/connections';
import {
  HttpError,
  isHttpError,
  queryString,
  requestJson,
} from '../adapters/http';
import {withDocumentLock} from '../adapters/lock';
import {
  appendLogRows,
  createLogSheet,
  getLogSheet,
  readLogRows,
} from '../adapters/log-sheet';
import {rebuildReportSheet} from '../adapters/report-sheet';
import {readTracker} from '../adapters/tracker-sheet';
import {alert, prompt} from '../adapters/ui';
import {refreshScores} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Stop fetching well before Apps Script's 6 minutes: the writes come after. */
const FETCH_DEADLINE_MS = 4.5 * 60_000;
const X_DEFAULT_PER_SYNC = 100;
const X_DEFAULT_PER_MONTH = 1000;
/** The smallest page the mentions endpoint serves. */
const X_MIN_PAGE = 5;

interface SourceRun {
  label: string;
  events: SyncedEvent[];
  /** What went wrong, written for the user; '' when all went well. */
  problem: string;
  /** Records this source's new position (applied after the append). */
  commit: (cursors: SyncCursors) => void;
}

/** A source's failure as a message: user errors and HTTP errors are expected; the rest are bugs. */
function problemOf(e: unknown, describe: (e: HttpError) => string): string {
  if (isUserError(e)) return e.message;
  if (isHttpError(e)) return describe(e);
  throw e;
}

function rateLimitMessage(network: string, e: HttpError): string {
  const when = e.retryAt
    ? ` (after ${e.retryAt.toISOString().slice(11, 16)} UTC)`
    : '';
  return `${network} asked us to slow down (rate limit). The next sync continues where this one stopped${when}.`;
}

const stopMessage: Record<Exclude<StopReason, 'error'>, string> = {
  'rate-limited': '',
  time: 'stopped before the 6-minute limit; the next sync continues where this one stopped.',
  budget:
    'stopped at the read budget you set; the next sync continues where this one stopped.',
};

const isRateLimit = (e: unknown) => isHttpError(e) && e.rateLimited;

// ---- Bluesky -----------------------------------------------------------------

const xrpc = (pds: string, method: string) =>
  `${pds.replace(/\/+$/, '')}/xrpc/${method}`;

function describeBluesky(conn: {handle: string; pds: string}) {
  return (e: HttpError) =>
    e.unreachable
      ? `The Bluesky server ${conn.pds} cannot be reached (${String(e.body)}). Check the server address, or try again later.`
      : e.rateLimited
        ? rateLimitMessage('Bluesky', e)
        : blueskyProblem(e.status, e.body, conn.handle);
}

function blueskyLogin(
  pds: string,
  identifier: string,
  appPassword: string,
): BlueskyConnection {
  let body: unknown;
  try {
    body = requestJson({
      url: xrpc(pds, 'com.atproto.server.createSession'),
      method: 'post',
      body: {identifier, password: appPassword},
    }).body;
  } catch (e) {
    throw new UserError(
      problemOf(e, describeBluesky({handle: identifier, pds})),
    );
  }
  const session = parseSession(body);
  if (!session) {
    throw new UserError(
      `${pds} did not answer like a Bluesky server. Check the server address.`,
    );
  }
  return {pds, identifier, appPassword, ...session};
}

const isExpired = (e: unknown) =>
  isHttpError(e) &&
  (e.status === 400 || e.status === 401) &&
  /^(ExpiredToken|InvalidToken)$/.test(
    String((e.body as {error?: unknown} | null)?.error ?? ''),
  );

/**
 * A Bluesky call with the stored session: an expired access token is renewed
 * with the refresh token (never a new login, which Bluesky limits to 30 per
 * 5 minutes); only when the refresh token is dead too does it log in again
 * with the app password.
 */
function blueskyCaller(conn: BlueskyConnection, save: () => void) {
  const renew = () => {
    try {
      const session = parseSession(
        requestJson({
          url: xrpc(conn.pds, 'com.atproto.server.refreshSession'),
          method: 'post',
          headers: {Authorization: `Bearer ${conn.refreshJwt}`},
        }).body,
      );
      if (!session) throw new HttpError(502, null, conn.pds);
      Object.assign(conn, session);
    } catch (e) {
      if (!isExpired(e)) throw e;
      Object.assign(
        conn,
        blueskyLogin(conn.pds, conn.identifier, conn.appPassword),
      );
    }
    // The old refresh token is spent: keep the new one at once.
    save();
  };
  return (method: string, query: string): unknown => {
    const call = () =>
      requestJson({
        url: xrpc(conn.pds, method) + query,
        headers: {Authorization: `Bearer ${conn.accessJwt}`},
      }).body;
    try {
      return call();
    } catch (e) {
      if (!isExpired(e)) throw e;
      renew();
      return call();
    }
  };
}

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

function sourceProblem(
  stopped: {reason: StopReason; error?: unknown} | null,
  describe: (e: HttpError) => string,
): string {
  if (!stopped) return '';
  if (stopped.reason === 'error' || stopped.reason === 'rate-limited') {
    return problemOf(stopped.error, describe);
  }
  return stopMessage[stopped.reason];
}

// ---- Mastodon ----------------------------------------------------------------

function describeMastodon(conn: {host: string; base: string}) {
  return (e: HttpError) =>
    e.unreachable
      ? `There is no Mastodon server at ${conn.base}, or it cannot be reached (${String(e.body)}). Check the server name in Social CRM › Connect accounts….`
      : e.rateLimited
        ? rateLimitMessage(conn.host, e)
        : mastodonProblem(e.status, e.body, conn.host);
}

function mastodonNotifications(
  conn: MastodonConnection,
  query: Record<string, string | number | string[]>,
): unknown {
  return requestJson({
    url: `${conn.base}/api/v1/notifications${queryString(query)}`,
    headers: {Authorization: `Bearer ${conn.token}`},
  }).body;
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

// ---- X -----------------------------------------------------------------------

const describeX = (e: HttpError) =>
  e.unreachable
    ? `The X API cannot be reached (${String(e.body)}). Try again later.`
    : xProblem(e.status, e.body);

function syncX(
  conn: XConnection,
  cursors: SyncCursors,
  shouldStop: () => StopReason | null,
  now: Date,
): SourceRun {
  const month = now.toISOString().slice(0, 7);
  const budget = cursors.xBudget ?? {month, usedThisMonth: 0};
  let read = 0;
  const allowed = () =>
    postsAllowed(budget, month, conn.perSync, conn.perMonth, read);
  const result = sweepNewestFirst(
    cursors.x ?? {mark: ''},
    cursor => {
      const page = parseMentions(
        requestJson({
          url:
            `${conn.base}/2/users/${encodeURIComponent(conn.userId)}/mentions` +
            queryString({
              since_id: cursors.x?.mark,
              max_results: Math.max(X_MIN_PAGE, Math.min(100, allowed())),
              pagination_token: cursor,
              'tweet.fields':
                'created_at,author_id,in_reply_to_user_id,referenced_tweets',
              expansions: 'author_id',
              'user.fields': 'username,name',
            }),
          headers: {Authorization: `Bearer ${conn.token}`},
        }).body,
      );
      read += page.read;
      return page;
    },
    {
      order: byNumericId,
      shouldStop: () =>
        shouldStop() ?? (allowed() < X_MIN_PAGE ? 'budget' : null),
      isRateLimit,
    },
  );
  return {
    label: 'X',
    events: result.items,
    problem: sourceProblem(result.stopped, describeX),
    commit: c => {
      c.x = result.state;
      const used = budget.month === month ? budget.usedThisMonth : 0;
      c.xBudget = {month, usedThisMonth: used + read};
    },
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
function writeEvents(
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
  appendLogRows(log, match.interactions.map(toLogRow));
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
      offerActions(sheet, ranked.length);
    }
  }
  if (match.interactions.length) refreshScores(ss);
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

/** The Action dropdown on each New people row (onNewPeopleEdit acts on it). */
function offerActions(sheet: Sheet, people: number): void {
  const column = NEW_PEOPLE_HEADERS.indexOf('Action') + 1;
  const below = sheet.getMaxRows() - 1;
  if (below > 0) sheet.getRange(2, column, below, 1).clearDataValidations();
  if (!people) return;
  sheet.getRange(2, column, people, 1).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList(NEW_PEOPLE_ACTIONS, true)
      // "Match to S-XXXXXX" is typed in.
      .setAllowInvalid(true)
      .setHelpText(
        'Add as supporter, Match to suggested, or type Match to S-XXXXXX.',
      )
      .build(),
  );
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
  readTracker(ss);
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
        writeCursors(id, cursors);
      },
    ),
  );
  const lines = runs.map(run => {
    const added = outcome.bySource.get(SOURCE_OF_LABEL[run.label]) ?? 0;
    const count = `${run.label}: ${added} new interaction${added === 1 ? '' : 's'}`;
    return run.problem ? `${count}; ${run.problem}` : `${count}.`;
  });
  if (outcome.unmatched) {
    lines.push(
      `${outcome.unmatched} events came from people who are not in your tracker: see the "${NEW_PEOPLE_SHEET}" sheet (${outcome.newPeople} people, most engaged first).`,
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

// ---- Connect accounts… --------------------------------------------------------

function statusLines(c: Connections): string {
  return [
    `Bluesky: ${c.bluesky ? `connected as @${c.bluesky.handle}` : 'not connected'}`,
    `Mastodon: ${c.mastodon ? `connected as @${c.mastodon.acct}` : 'not connected'}`,
    `X API: ${c.x ? `connected as @${c.x.username} (reads at most ${c.x.perSync} posts a sync, ${c.x.perMonth} a month)` : 'not connected'}`,
  ].join('\n');
}

/** "value" or "value https://server": the optional server for self-hosted servers (and tests). */
function valueAndServer(text: string): [string, string] {
  const [value = '', server = ''] = text.trim().split(/\s+/);
  if (server && !/^https?:\/\/[^\s/]+/i.test(server)) {
    throw new UserError(
      `"${server}" is not a server address. Write it like https://example.social.`,
    );
  }
  return [value, server.replace(/\/+$/, '')];
}

const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;

function connectBluesky(): BlueskyConnection | null {
  const who = prompt(
    'Your Bluesky handle (e.g. tigers.bsky.social). If your account is not hosted by Bluesky, add your server after a space.',
    'Connect Bluesky',
  );
  if (who === null) return null;
  const [handle, server] = valueAndServer(who);
  const identifier = handle.replace(/^@/, '');
  if (!identifier) throw new UserError('Type your Bluesky handle.');
  const password = prompt(
    'An app password for Whuffie (Bluesky › Settings › Privacy and security › App passwords), like xxxx-xxxx-xxxx-xxxx. Never your main password.',
    'Connect Bluesky',
  );
  if (password === null) return null;
  if (!APP_PASSWORD.test(password.trim())) {
    throw new UserError(
      'That is not an app password (they look like xxxx-xxxx-xxxx-xxxx). Create one in Bluesky › Settings › Privacy and security › App passwords; never give Whuffie your main password.',
    );
  }
  return blueskyLogin(server || DEFAULT_PDS, identifier, password.trim());
}

const MASTODON_ACCOUNT = /^@?([a-z0-9_.-]+)@([a-z0-9.-]+(?::\d+)?)$/i;

function connectMastodon(): MastodonConnection | null {
  const who = prompt(
    'Your Mastodon account, e.g. @tigers@mastodon.social (add the server address after a space if its API lives elsewhere).',
    'Connect Mastodon',
  );
  if (who === null) return null;
  const [account, server] = valueAndServer(who);
  const m = MASTODON_ACCOUNT.exec(account);
  if (!m) {
    throw new UserError(
      `"${account}" is not a Mastodon account. Write it as @you@your.server.`,
    );
  }
  const token = prompt(
    `An access token from ${m[2]} (Preferences › Development › New application, with the read:notifications scope).`,
    'Connect Mastodon',
  );
  if (token === null) return null;
  const host = instanceHost(m[2]);
  const conn: MastodonConnection = {
    base: server || `https://${host}`,
    host,
    token: token.trim(),
    acct: `${m[1].toLowerCase()}@${host}`,
  };
  try {
    mastodonNotifications(conn, {limit: 1});
  } catch (e) {
    throw new UserError(problemOf(e, describeMastodon(conn)));
  }
  return conn;
}

function connectX(): XConnection | null {
  const token = prompt(
    'The bearer token of your X developer app (developer console › your app › Keys and tokens).',
    'Connect the X API',
  );
  if (token === null) return null;
  const who = prompt(
    "Your organisation's X username (e.g. @tigers) or numeric user id.",
    'Connect the X API',
  );
  if (who === null) return null;
  const [name, server] = valueAndServer(who);
  const limits = prompt(
    `Reading X costs money (about $0.005 a post). How many posts may one sync read, and how many a month? E.g. "${X_DEFAULT_PER_SYNC} ${X_DEFAULT_PER_MONTH}" (the default).`,
    'Connect the X API',
  );
  if (limits === null) return null;
  const numbers = limits.match(/\d+/g)?.map(Number) ?? [];
  const base = server || DEFAULT_X_API;
  const bare = name.replace(/^@/, '');
  const path = /^\d+$/.test(bare)
    ? `/2/users/${bare}`
    : `/2/users/by/username/${encodeURIComponent(bare)}`;
  let user: {id: string; username: string} | null;
  try {
    user = parseUser(
      requestJson({
        url: base + path,
        headers: {Authorization: `Bearer ${token.trim()}`},
      }).body,
    );
  } catch (e) {
    throw new UserError(problemOf(e, describeX));
  }
  if (!user) throw new UserError(`X knows no user "${name}".`);
  return {
    base,
    token: token.trim(),
    userId: user.id,
    username: user.username || bare,
    // The endpoint serves no fewer than 5 posts a page.
    perSync: Math.max(X_MIN_PAGE, numbers[0] ?? X_DEFAULT_PER_SYNC),
    perMonth: numbers[1] ?? X_DEFAULT_PER_MONTH,
  };
}

const LABELS = {bluesky: 'Bluesky', mastodon: 'Mastodon', x: 'the X API'};

/** Who a connection is, to tell a new account from a renewed one. */
const accountOf = (c: Connections, key: keyof Connections) =>
  key === 'bluesky'
    ? c.bluesky?.did
    : key === 'mastodon'
      ? c.mastodon?.acct
      : c.x?.userId;

/** Social CRM › Connect accounts… */
export function connectAccounts(): void {
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  const connections = readConnections(id);
  const answer = prompt(
    `${statusLines(connections)}\n\nType bluesky, mastodon or x to connect an account, or "disconnect bluesky" (mastodon, x) to forget one.`,
    'Connect accounts',
  );
  if (answer === null || !answer.trim()) return;
  const words = answer.trim().toLowerCase().split(/\s+/);
  const key = words[words.length - 1].replace(/^twitter$/, 'x');
  if (key !== 'bluesky' && key !== 'mastodon' && key !== 'x') {
    throw new UserError(`"${answer}" is not one of bluesky, mastodon or x.`);
  }
  const before = accountOf(connections, key);
  let message: string;
  if (words[0] === 'disconnect') {
    delete connections[key];
    message = `Disconnected ${LABELS[key]}. Whuffie no longer keeps its password or token.`;
  } else if (key === 'bluesky') {
    const conn = connectBluesky();
    if (!conn) return;
    connections.bluesky = conn;
    message = `Connected to Bluesky as @${conn.handle}.`;
  } else if (key === 'mastodon') {
    const conn = connectMastodon();
    if (!conn) return;
    connections.mastodon = conn;
    message = `Connected to Mastodon as @${conn.acct}.`;
  } else {
    const conn = connectX();
    if (!conn) return;
    connections.x = conn;
    message = `Connected to the X API as @${conn.username}. A sync reads at most ${conn.perSync} posts, ${conn.perMonth} a month.`;
  }
  writeConnections(id, connections);
  if (before !== accountOf(connections, key)) {
    // Another account (or none): its positions mean nothing any more.
    const cursors = readCursors(id);
    delete cursors[key];
    if (key === 'x') delete cursors.xBudget;
    writeCursors(id, cursors);
  }
  alert(message);
}

// ---- The X archive ------------------------------------------------------------

/**
 * Sidebar / dialog: one file of an X archive (tweets.js, like.js,
 * follower.js), as text. Our replies, mentions and retweets of supporters
 * become outbound deposits; followers are matched through the X ids learned
 * from posts and mentions; likes are matched through posts the log links.
 */
export function importXArchiveFile(name: unknown, text: unknown): Notice {
  if (typeof name !== 'string' || typeof text !== 'string' || !text.trim()) {
    throw new UserError('Choose a file from your X archive first.');
  }
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const id = ss.getId();
  const x = readConnections(id).x;
  const file = readArchiveFile(
    name,
    text,
    {id: x?.userId ?? '', username: x?.username ?? ''},
    new Date(),
  );
  const outcome = withDocumentLock(() => {
    const cursors = readCursors(id);
    return writeEvents(
      ss,
      file.events,
      cursors,
      () => writeCursors(id, cursors),
      {
        usernames: file.usernames,
        extraEvents: rows => {
          const link = logColumn('Link');
          const who = logColumn('Supporter ID');
          const direction = logColumn('Direction');
          return attributeLikes(
            file.likes,
            postOwners(
              rows.map(row => ({
                link: textOf(row[link]),
                supporterId: textOf(row[who]),
                inbound: textOf(row[direction]) === 'inbound',
              })),
            ),
          );
        },
      },
    );
  });
  const what = {
    tweets: 'replies, mentions and retweets of supporters',
    like: "likes of supporters' posts",
    follower: 'followers',
  }[file.kind];
  const lines = [
    `Read ${file.entries} entries from ${name}: ${outcome.added} ${what} added to the log.`,
  ];
  if (file.kind === 'like') {
    lines.push(
      'The archive does not say whose posts you liked; Whuffie matches a like when the log already links that post.',
    );
  }
  if (file.kind === 'follower' && outcome.unmatched) {
    lines.push(
      `${outcome.unmatched} followers are not matched yet: the archive gives only their X number. Import tweets.js too (or sync the X API) so Whuffie learns whose number is whose, then import follower.js again.`,
    );
  }
  return {message: lines.join(' ')};
}
