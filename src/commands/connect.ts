/**
 * Connected accounts: connecting Bluesky (app password), Mastodon (access
 * token) and the X API (bearer token and read budget), forgetting one, and
 * who is connected. The menu (Social CRM › Connect accounts…, prompts) and
 * the sidebar (Settings › Connected accounts, a form) call the same
 * functions with plain values. Secrets go to user properties only and never
 * come back out: views say who is connected, not with what.
 */
import type {
  BlueskyConnectRequest,
  ConnectionsView,
  MastodonConnectRequest,
  Network,
  SyncReport,
  XConnectRequest,
} from '../api';
import {
  Connections,
  MastodonConnection,
  readConnections,
  readCursors,
  SyncCursors,
  writeConnections,
  writeCursors,
} from '../adapters/connections';
import {requestJson} from '../adapters/http';
import {alert, prompt, sidebarCall} from '../adapters/ui';
import {UserError} from '../core/errors';
import {DEFAULT_PDS} from '../core/sync/bluesky';
import {instanceHost} from '../core/sync/mastodon';
import {DEFAULT_X_API, parseUser} from '../core/sync/x-api';
import {
  blueskyLogin,
  describeMastodon,
  describeX,
  mastodonNotifications,
  problemOf,
  X_MIN_PAGE,
} from './network-clients';
import {syncAllSources} from './sync';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const X_DEFAULT_PER_SYNC = 100;
const X_DEFAULT_PER_MONTH = 1000;

const LABELS: Record<Network, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'the X API',
};

// ---- Who is connected ----------------------------------------------------------

/** The read budget's month, counted as the sync counts it (UTC). */
const monthOf = (now: Date) => now.toISOString().slice(0, 7);

function viewOf(
  c: Connections,
  cursors: SyncCursors,
  now: Date,
): ConnectionsView {
  const budget = cursors.xBudget;
  return {
    bluesky: c.bluesky
      ? {account: `@${c.bluesky.handle}`, server: c.bluesky.pds}
      : null,
    mastodon: c.mastodon
      ? {account: `@${c.mastodon.acct}`, server: c.mastodon.base}
      : null,
    x: c.x
      ? {
          account: `@${c.x.username}`,
          server: c.x.base,
          perSync: c.x.perSync,
          perMonth: c.x.perMonth,
          usedThisMonth:
            budget?.month === monthOf(now) ? budget.usedThisMonth : 0,
        }
      : null,
    lastSync: cursors.lastSync ?? null,
    defaults: {
      blueskyServer: DEFAULT_PDS,
      xServer: DEFAULT_X_API,
      xPerSync: X_DEFAULT_PER_SYNC,
      xPerMonth: X_DEFAULT_PER_MONTH,
    },
  };
}

export const connectionsView = (spreadsheetId: string, now: Date) =>
  viewOf(readConnections(spreadsheetId), readCursors(spreadsheetId), now);

/** Who a connection is, to tell a new account from a renewed one. */
const accountOf = (c: Connections, key: Network) =>
  key === 'bluesky'
    ? c.bluesky?.did
    : key === 'mastodon'
      ? c.mastodon?.acct
      : c.x?.userId;

/**
 * Keeps one network's connection, or forgets it (`conn` undefined). Another
 * account, or none, makes that network's sync positions meaningless, so
 * they go too; renewing a password or token keeps them.
 */
function store<K extends Network>(
  spreadsheetId: string,
  key: K,
  conn: Connections[K] | undefined,
  now: Date,
): ConnectionsView {
  const connections = readConnections(spreadsheetId);
  const before = accountOf(connections, key);
  if (conn) connections[key] = conn;
  else delete connections[key];
  writeConnections(spreadsheetId, connections);
  const cursors = readCursors(spreadsheetId);
  if (before !== accountOf(connections, key)) {
    delete cursors[key];
    if (key === 'x') {
      delete cursors.xBudget;
      delete cursors.xPosts;
    }
    writeCursors(spreadsheetId, cursors);
  }
  return viewOf(connections, cursors, now);
}

/** Forgets a network's account, its password or token and its sync positions. */
export const disconnect = (spreadsheetId: string, key: Network, now: Date) =>
  store(spreadsheetId, key, undefined, now);

// ---- Connecting, from plain values ------------------------------------------------

/** An optional server address as typed: '' or its URL without a trailing slash. */
function serverAddress(text = ''): string {
  const server = text.trim();
  if (server && !/^https?:\/\/[^\s/]+(\/\S*)?$/i.test(server)) {
    throw new UserError(
      `"${server}" is not a server address. Write it like https://example.social.`,
    );
  }
  return server.replace(/\/+$/, '');
}

function blueskyIdentifier(handle: string): string {
  const identifier = handle.trim().replace(/^@/, '');
  if (!identifier) throw new UserError('Type your Bluesky handle.');
  return identifier;
}

const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;

/** Logs in with an app password (checking it) and keeps the session. */
export function connectBluesky(
  spreadsheetId: string,
  request: BlueskyConnectRequest,
  now: Date,
): ConnectionsView {
  const pds = serverAddress(request.server) || DEFAULT_PDS;
  const identifier = blueskyIdentifier(request.handle);
  const password = request.appPassword.trim();
  if (!APP_PASSWORD.test(password)) {
    throw new UserError(
      'That is not an app password (they look like xxxx-xxxx-xxxx-xxxx). Create one in Bluesky › Settings › Privacy and security › App passwords; never give Whuffie your main password.',
    );
  }
  const conn = blueskyLogin(pds, identifier, password);
  return store(spreadsheetId, 'bluesky', conn, now);
}

const MASTODON_ACCOUNT = /^@?([a-z0-9_.-]+)@([a-z0-9.-]+(?::\d+)?)$/i;

function mastodonAccount(text: string): {user: string; host: string} {
  const account = text.trim();
  const m = MASTODON_ACCOUNT.exec(account);
  if (!m) {
    throw new UserError(
      `"${account}" is not a Mastodon account. Write it as @you@your.server.`,
    );
  }
  return {user: m[1].toLowerCase(), host: instanceHost(m[2])};
}

const MASTODON_TOKEN_HOW_TO =
  'Preferences › Development › New application, with the read:notifications scope; add read:accounts only if your account hides who follows it and you want handle suggestions from them';

/** Checks the token by reading one notification, then keeps it. */
export function connectMastodon(
  spreadsheetId: string,
  request: MastodonConnectRequest,
  now: Date,
): ConnectionsView {
  const server = serverAddress(request.server);
  const {user, host} = mastodonAccount(request.account);
  const conn: MastodonConnection = {
    base: server || `https://${host}`,
    host,
    token: request.token.trim(),
    acct: `${user}@${host}`,
  };
  if (!conn.token) {
    throw new UserError(
      `Paste an access token from ${host} (${MASTODON_TOKEN_HOW_TO}).`,
    );
  }
  try {
    mastodonNotifications(conn, {limit: 1});
  } catch (e) {
    throw new UserError(problemOf(e, describeMastodon(conn)));
  }
  return store(spreadsheetId, 'mastodon', conn, now);
}

function postsBudget(
  value: number | null | undefined,
  fallback: number,
  what: string,
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new UserError(
      `The posts ${what} must be a whole number, 1 or more (e.g. ${fallback}).`,
    );
  }
  return value;
}

/** Looks the organisation up on X (checking the token), then keeps it with the budget. */
export function connectX(
  spreadsheetId: string,
  request: XConnectRequest,
  now: Date,
): ConnectionsView {
  const token = request.token.trim();
  if (!token) {
    throw new UserError(
      'Paste the bearer token of your X developer app (developer console › your app › Keys and tokens).',
    );
  }
  const base = serverAddress(request.server) || DEFAULT_X_API;
  const name = request.user.trim();
  const bare = name.replace(/^@/, '');
  if (!bare) {
    throw new UserError(
      "Type your organisation's X username (e.g. @tigers) or numeric user id.",
    );
  }
  // The mentions endpoint serves no fewer than X_MIN_PAGE posts a page.
  const perSync = Math.max(
    X_MIN_PAGE,
    postsBudget(request.perSync, X_DEFAULT_PER_SYNC, 'one sync may read'),
  );
  const perMonth = postsBudget(
    request.perMonth,
    X_DEFAULT_PER_MONTH,
    'a month may read',
  );
  const path = /^\d+$/.test(bare)
    ? `/2/users/${bare}`
    : `/2/users/by/username/${encodeURIComponent(bare)}`;
  let user: {id: string; username: string} | null;
  try {
    user = parseUser(
      requestJson({
        url: base + path,
        headers: {Authorization: `Bearer ${token}`},
      }).body,
    );
  } catch (e) {
    throw new UserError(problemOf(e, describeX));
  }
  if (!user) throw new UserError(`X knows no user "${name}".`);
  const conn = {
    base,
    token,
    userId: user.id,
    username: user.username || bare,
    perSync,
    perMonth,
  };
  return store(spreadsheetId, 'x', conn, now);
}

// ---- Social CRM › Connect accounts… (prompts) ------------------------------------

function statusLines(view: ConnectionsView): string {
  const {bluesky, mastodon, x} = view;
  return [
    `Bluesky: ${bluesky ? `connected as ${bluesky.account}` : 'not connected'}`,
    `Mastodon: ${mastodon ? `connected as ${mastodon.account}` : 'not connected'}`,
    `X API: ${x ? `connected as ${x.account} (reads at most ${x.perSync} posts a sync, ${x.perMonth} a month; ${x.usedThisMonth} read this month)` : 'not connected'}`,
  ].join('\n');
}

/** "value" or "value https://server": the optional server for self-hosted servers (and tests). */
function valueAndServer(text: string): [string, string] {
  const [value = '', server = ''] = text.trim().split(/\s+/);
  return [value, serverAddress(server)];
}

function askBluesky(): BlueskyConnectRequest | null {
  const who = prompt(
    'Your Bluesky handle (e.g. tigers.bsky.social). If your account is not hosted by Bluesky, add your server after a space.',
    'Connect Bluesky',
  );
  if (who === null) return null;
  const [handle, server] = valueAndServer(who);
  // Said before the password is asked for, not after.
  blueskyIdentifier(handle);
  const appPassword = prompt(
    'An app password for Whuffie (Bluesky › Settings › Privacy and security › App passwords), like xxxx-xxxx-xxxx-xxxx. Never your main password.',
    'Connect Bluesky',
  );
  if (appPassword === null) return null;
  return {handle, appPassword, server};
}

function askMastodon(): MastodonConnectRequest | null {
  const who = prompt(
    'Your Mastodon account, e.g. @tigers@mastodon.social (add the server address after a space if its API lives elsewhere).',
    'Connect Mastodon',
  );
  if (who === null) return null;
  const [account, server] = valueAndServer(who);
  const {host} = mastodonAccount(account);
  const token = prompt(
    `An access token from ${host} (${MASTODON_TOKEN_HOW_TO}).`,
    'Connect Mastodon',
  );
  if (token === null) return null;
  return {account, token, server};
}

function askX(): XConnectRequest | null {
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
  const [user, server] = valueAndServer(who);
  const limits = prompt(
    `Reading X costs money (about $0.005 a post; a user, e.g. who retweeted you, counts as two posts). How many posts may one sync read, and how many a month? E.g. "${X_DEFAULT_PER_SYNC} ${X_DEFAULT_PER_MONTH}" (the default).`,
    'Connect the X API',
  );
  if (limits === null) return null;
  const numbers = limits.match(/\d+/g)?.map(Number) ?? [];
  return {
    token,
    user,
    server,
    perSync: numbers[0] ?? null,
    perMonth: numbers[1] ?? null,
  };
}

/** Asks for one network's account and connects it; null when the user cancelled. */
function connectWithPrompts(
  spreadsheetId: string,
  key: Network,
  now: Date,
): ConnectionsView | null {
  if (key === 'bluesky') {
    const request = askBluesky();
    return request && connectBluesky(spreadsheetId, request, now);
  }
  if (key === 'mastodon') {
    const request = askMastodon();
    return request && connectMastodon(spreadsheetId, request, now);
  }
  const request = askX();
  return request && connectX(spreadsheetId, request, now);
}

function doneMessage(key: Network, view: ConnectionsView): string {
  const account = view[key]?.account;
  if (!account) {
    return `Disconnected ${LABELS[key]}. Whuffie no longer keeps its password or token.`;
  }
  const budget =
    key === 'x' && view.x
      ? ` A sync reads at most ${view.x.perSync} posts, ${view.x.perMonth} a month.`
      : '';
  return `Connected to ${LABELS[key]} as ${account}.${budget}`;
}

/** Social CRM › Connect accounts… */
export function connectAccounts(): void {
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  const now = new Date();
  const answer = prompt(
    `${statusLines(connectionsView(id, now))}\n\nType bluesky, mastodon or x to connect an account, or "disconnect bluesky" (mastodon, x) to forget one.`,
    'Connect accounts',
  );
  if (answer === null || !answer.trim()) return;
  const words = answer.trim().toLowerCase().split(/\s+/);
  const key = words[words.length - 1].replace(/^twitter$/, 'x');
  if (key !== 'bluesky' && key !== 'mastodon' && key !== 'x') {
    throw new UserError(`"${answer}" is not one of bluesky, mastodon or x.`);
  }
  const view =
    words[0] === 'disconnect'
      ? disconnect(id, key, now)
      : connectWithPrompts(id, key, now);
  if (view) alert(doneMessage(key, view));
}

// ---- Settings › Connected accounts (google.script.run) ---------------------------

/** The page is not trusted to send the right shapes: anything else reads as blank. */
function fieldsOf(request: unknown): Record<string, unknown> {
  if (typeof request !== 'object' || request === null) {
    throw new Error('the request should be an object');
  }
  return request as Record<string, unknown>;
}

const textIn = (o: Record<string, unknown>, key: string) =>
  typeof o[key] === 'string' ? o[key] : '';

const numberIn = (o: Record<string, unknown>, key: string) =>
  typeof o[key] === 'number' ? o[key] : null;

const FROM_FORM: Record<
  Network,
  (id: string, o: Record<string, unknown>, now: Date) => ConnectionsView
> = {
  bluesky: (id, o, now) =>
    connectBluesky(
      id,
      {
        handle: textIn(o, 'handle'),
        appPassword: textIn(o, 'appPassword'),
        server: textIn(o, 'server'),
      },
      now,
    ),
  mastodon: (id, o, now) =>
    connectMastodon(
      id,
      {
        account: textIn(o, 'account'),
        token: textIn(o, 'token'),
        server: textIn(o, 'server'),
      },
      now,
    ),
  x: (id, o, now) =>
    connectX(
      id,
      {
        token: textIn(o, 'token'),
        user: textIn(o, 'user'),
        perSync: numberIn(o, 'perSync'),
        perMonth: numberIn(o, 'perMonth'),
        server: textIn(o, 'server'),
      },
      now,
    ),
};

function networkOf(value: unknown): Network {
  if (value === 'bluesky' || value === 'mastodon' || value === 'x') {
    return value;
  }
  throw new Error(`unknown network ${String(value)}`);
}

export const getConnections = (ss: Spreadsheet, now: Date) =>
  sidebarCall('reading the connected accounts', () =>
    connectionsView(ss.getId(), now),
  );

export const connectFromSidebar = (
  ss: Spreadsheet,
  key: Network,
  request: unknown,
  now: Date,
) =>
  sidebarCall(`connecting ${LABELS[key]}`, () =>
    FROM_FORM[key](ss.getId(), fieldsOf(request), now),
  );

export const disconnectFromSidebar = (
  ss: Spreadsheet,
  key: unknown,
  now: Date,
) =>
  sidebarCall('disconnecting the account', () =>
    disconnect(ss.getId(), networkOf(key), now),
  );

/** Sync now: every connected account, as the menu's Sync engagement does. */
export function syncNow(ss: Spreadsheet, now: Date): SyncReport {
  return sidebarCall('syncing', () => {
    const {added, lines, problems} = syncAllSources(ss);
    return {
      added,
      lines,
      problems,
      connections: connectionsView(ss.getId(), now),
    };
  });
}
