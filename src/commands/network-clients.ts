/**
 * The HTTP clients of the networks: Bluesky sessions (kept and renewed,
 * never a login per sync), Mastodon and X calls, and what their errors mean
 * for the person who connected the account.
 */
import {BlueskyConnection, MastodonConnection} from '../adapters/connections';
import {
  HttpError,
  isHttpError,
  queryString,
  requestJson,
} from '../adapters/http';
import {isUserError, UserError} from '../core/errors';
import {blueskyProblem, parseSession} from '../core/sync/bluesky';
import {mastodonProblem} from '../core/sync/mastodon';
import {xProblem} from '../core/sync/x-api';

/** The smallest page the X mentions endpoint serves. */
export const X_MIN_PAGE = 5;

/** A source's failure as a message: user errors and HTTP errors are expected; the rest are bugs. */
export function problemOf(
  e: unknown,
  describe: (e: HttpError) => string,
): string {
  if (isUserError(e)) return e.message;
  if (isHttpError(e)) return describe(e);
  throw e;
}

export function rateLimitMessage(network: string, e: HttpError): string {
  const when = e.retryAt
    ? ` (after ${e.retryAt.toISOString().slice(11, 16)} UTC)`
    : '';
  return `${network} asked us to slow down (rate limit). The next sync continues where this one stopped${when}.`;
}

export const isRateLimit = (e: unknown) => isHttpError(e) && e.rateLimited;

// ---- Bluesky -----------------------------------------------------------------

export const xrpc = (pds: string, method: string) =>
  `${pds.replace(/\/+$/, '')}/xrpc/${method}`;

export function describeBluesky(conn: {handle: string; pds: string}) {
  return (e: HttpError) =>
    e.unreachable
      ? `The Bluesky server ${conn.pds} cannot be reached (${String(e.body)}). Check the server address, or try again later.`
      : e.rateLimited
        ? rateLimitMessage('Bluesky', e)
        : blueskyProblem(e.status, e.body, conn.handle);
}

export function blueskyLogin(
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

export const isExpired = (e: unknown) =>
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
export function blueskyCaller(conn: BlueskyConnection, save: () => void) {
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

// ---- Mastodon ----------------------------------------------------------------

export function describeMastodon(conn: {host: string; base: string}) {
  return (e: HttpError) =>
    e.unreachable
      ? `There is no Mastodon server at ${conn.base}, or it cannot be reached (${String(e.body)}). Check the server name in Social CRM › Connect accounts….`
      : e.rateLimited
        ? rateLimitMessage(conn.host, e)
        : mastodonProblem(e.status, e.body, conn.host);
}

export function mastodonNotifications(
  conn: MastodonConnection,
  query: Record<string, string | number | string[]>,
): unknown {
  return requestJson({
    url: `${conn.base}/api/v1/notifications${queryString(query)}`,
    headers: {Authorization: `Bearer ${conn.token}`},
  }).body;
}

// ---- X -----------------------------------------------------------------------

export const describeX = (e: HttpError) =>
  e.unreachable
    ? `The X API cannot be reached (${String(e.body)}). Try again later.`
    : xProblem(e.status, e.body);
