/**
 * Social CRM › Connect accounts…: who is connected, connecting Bluesky (app
 * password), Mastodon (access token) and the X API (bearer token and read
 * budget), and forgetting one. Secrets go to user properties only.
 */
import {
  BlueskyConnection,
  Connections,
  MastodonConnection,
  readConnections,
  readCursors,
  writeConnections,
  writeCursors,
  XConnection,
} from '../adapters/connections';
import {requestJson} from '../adapters/http';
import {alert, prompt} from '../adapters/ui';
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

const X_DEFAULT_PER_SYNC = 100;
const X_DEFAULT_PER_MONTH = 1000;

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
