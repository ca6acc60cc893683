// A fake Bluesky PDS and AppView (SOURCES.md): sessions, notifications.
const {state, send, bearer, one} = require('./fake-shared');

const BSKY_ACCOUNT = {
  identifier: 'tigers.bsky.social',
  did: 'did:plc:org222',
  handle: 'tigers.bsky.social',
};

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
    if (!state.refresh.has(token)) {
      return send(res, 400, {
        error: 'ExpiredToken',
        message: 'Token has expired',
      });
    }
    state.refresh.delete(token); // refresh tokens are single use
    return send(res, 200, newSession());
  }
  if (path === '/xrpc/app.bsky.notification.listNotifications') {
    if (!state.access.has(bearer(req))) {
      return send(res, 400, {
        error: 'ExpiredToken',
        message: 'Token has expired',
      });
    }
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
  return send(res, 404, {
    error: 'MethodNotImplemented',
    message: 'Method Not Implemented',
  });
}

module.exports = {bluesky, BSKY_ACCOUNT};
