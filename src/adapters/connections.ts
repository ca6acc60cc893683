/**
 * Connected accounts and sync positions, per user and spreadsheet, in the
 * user's properties only: tokens and app passwords are never written to a
 * cell, document properties or the log, and the UI shows only who is
 * connected. (A time-driven trigger runs as its owner, so it reads them too.)
 */
import type {ReadBudget, SweepState} from '../core/sync/cursors';
import type {SeenCounts} from '../core/sync/x-api';

export interface BlueskyConnection {
  /** The PDS base URL (https://bsky.social unless the account lives elsewhere). */
  pds: string;
  identifier: string;
  appPassword: string;
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
}

export interface MastodonConnection {
  /** Base URL of the API, e.g. https://mastodon.social. */
  base: string;
  /** The instance's domain, for `user@domain` of local accounts. */
  host: string;
  token: string;
  /** `org@mastodon.social`, for "connected as". */
  acct: string;
}

export interface XConnection {
  base: string;
  token: string;
  userId: string;
  username: string;
  /** Posts one sync may read, and one month. */
  perSync: number;
  perMonth: number;
}

export interface Connections {
  bluesky?: BlueskyConnection;
  mastodon?: MastodonConnection;
  x?: XConnection;
}

export interface SyncCursors {
  bluesky?: SweepState;
  /** Newest notification id read (min_id of the next sync). */
  mastodon?: string;
  x?: SweepState;
  xBudget?: ReadBudget;
  /** Our recent X posts: the retweets and quotes already looked up. */
  xPosts?: SeenCounts;
  /** ISO 8601 of the last sync that wrote its positions. */
  lastSync?: string;
  /** X numeric id → supporter id, learned from mentions and the archive. */
  xIds?: Record<string, string>;
}

const connectionsKey = (id: string) => `whuffie.connections.${id}`;
const cursorsKey = (id: string) => `whuffie.sync.${id}`;

function read<T extends object>(key: string): T {
  const text = PropertiesService.getUserProperties().getProperty(key);
  if (!text) return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    return {} as T;
  }
}

const write = (key: string, value: object) =>
  PropertiesService.getUserProperties().setProperty(key, JSON.stringify(value));

export const readConnections = (spreadsheetId: string) =>
  read<Connections>(connectionsKey(spreadsheetId));

export const writeConnections = (spreadsheetId: string, c: Connections) =>
  write(connectionsKey(spreadsheetId), c);

export const readCursors = (spreadsheetId: string) =>
  read<SyncCursors>(cursorsKey(spreadsheetId));

/** Property values hold at most 9 KB: learned X ids beyond that are dropped, oldest first. */
const MAX_CURSOR_CHARS = 8500;

export function writeCursors(
  spreadsheetId: string,
  cursors: SyncCursors,
): void {
  const ids = Object.entries(cursors.xIds ?? {});
  let value = {...cursors};
  while (JSON.stringify(value).length > MAX_CURSOR_CHARS && ids.length) {
    ids.splice(0, Math.ceil(ids.length / 4));
    value = {...cursors, xIds: Object.fromEntries(ids)};
  }
  write(cursorsKey(spreadsheetId), value);
}
