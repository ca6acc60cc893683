// A fake Bluesky PDS and AppView (SOURCES.md): sessions, notifications,
// followers.
const {state, fixture, send, bearer, one} = require('./fake-shared');

const BSKY_ACCOUNT = {
  identifier: 'tigers.bsky.social',
  did: 'did:plc:org222',
  handle: 'tigers.bsky.social',
};

/** Who follows our account: getFollowers' subject and followers, newest first. */
const graph = fixture('bluesky-followers.json');

function newSession() {
  state.tokenSerial++;
  const accessJwt = `access-${state.tokenSerial}`;
  const refreshJwt = `refresh-${state.tokenSerial}`;
  state.access.add(accessJwt);
  state.refresh.add(refreshJwt);
  return {...BSKY_ACCOUNT, accessJwt, refreshJwt, active: true};
}

function bluesky(req, res, path, q, body) {
  if (path === '/xrpc/com.atproto.server.createSession') {
    const {identifier, password} = JSON.parse(body || '{}');
    if (
      identifier !== BSKY_ACCOUNT.identifier ||
      password !== state.bskyPassword
    ) {
      return send(res, 401, {
        error: 'AuthenticationRequired',
        message: 'Invalid identifier or password',
      });
    }
    return send(res, 200, newSession());
  }
  if (path === '/xrpc/com.atproto.server.refreshSession') {
    const token = bearer(req);
    if (!state.refresh.has(token)) return expired(res);
    state.refresh.delete(token); // refresh tokens are single use
    return send(res, 200, newSession());
  }
  if (path === '/xrpc/app.bsky.notification.listNotifications') {
    if (!state.access.has(bearer(req))) return expired(res);
    // The cursor is the indexedAt of the last item served, as on Bluesky:
    // new notifications do not shift the pages after it.
    const limit = Math.min(Number(one(q, 'limit') || 50), state.pageSize);
    const cursor = one(q, 'cursor');
    const older = state.bsky.filter(n => !cursor || n.indexedAt < cursor);
    const page = older.slice(0, limit);
    const next =
      older.length > limit ? page[page.length - 1].indexedAt : undefined;
    return send(res, 200, {
      ...(next ? {cursor: next} : {}),
      notifications: page,
      seenAt: '2026-02-25T08:00:00.000Z',
    });
  }
  if (path === '/xrpc/app.bsky.graph.getFollowers') {
    return followers(req, res, q);
  }
  return send(res, 404, {
    error: 'MethodNotImplemented',
    message: 'Method Not Implemented',
  });
}

const expired = res =>
  send(res, 400, {error: 'ExpiredToken', message: 'Token has expired'});

/**
 * app.bsky.graph.getFollowers (through the PDS, with the session), newest
 * follow first. The cursor is opaque to clients; here it is a position
 * counted from the oldest follower, so new followers do not shift it.
 */
function followers(req, res, q) {
  if (!state.access.has(bearer(req))) return expired(res);
  const actor = one(q, 'actor');
  if (actor !== BSKY_ACCOUNT.did && actor !== BSKY_ACCOUNT.handle) {
    return send(res, 400, {
      error: 'InvalidRequest',
      message: 'Profile not found',
    });
  }
  const asked = Number(one(q, 'limit') || 50);
  if (asked > 100) {
    return send(res, 400, {
      error: 'InvalidRequest',
      message: 'limit can not be greater than 100',
    });
  }
  const all = graph.followers;
  const cursor = Number(one(q, 'cursor') || all.length);
  const from = all.length - cursor;
  const page = all.slice(from, from + Math.min(asked, state.pageSize));
  const rest = cursor - page.length;
  return send(res, 200, {
    subject: graph.subject,
    ...(page.length && rest > 0 ? {cursor: String(rest)} : {}),
    followers: page,
  });
}

const commands = {
  /** New followers (newest first, like the list). */
  addBlueskyFollowers: ({followers}) => graph.followers.unshift(...followers),
};

module.exports = {bluesky, commands};
