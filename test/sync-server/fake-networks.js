// Fake Bluesky PDS, Mastodon server and X API v2 on 127.0.0.1, in a worker
// thread (UrlFetchApp blocks the test's thread while it waits). Payloads
// come from test/fixtures/sync, shaped like the real APIs (SOURCES.md). The
// test steers it with messages: add events, expire or revoke credentials,
// fail the next calls (e.g. 429 with rate-limit headers), read call counts.
const http = require('node:http');
const {readFileSync} = require('node:fs');
const {join} = require('node:path');
const {parentPort} = require('node:worker_threads');

const FIXTURES = join(__dirname, '..', 'fixtures', 'sync');
const fixture = name => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const BSKY_ACCOUNT = {
  identifier: 'tigers.bsky.social',
  did: 'did:plc:org222',
  handle: 'tigers.bsky.social',
};
const MASTODON_TOKEN = 'masto-token-1';
const X_TOKEN = 'x-bearer-1';
const X_ORG = {id: '1000', name: 'Tiger Sanctuary', username: 'tigers'};

const state = {
  bskyPassword: 'abcd-efgh-ijkl-mnop',
  access: new Set(),
  refresh: new Set(),
  tokenSerial: 0,
  bsky: fixture('bluesky-notifications.json').notifications,
  mastodon: fixture('mastodon-notifications.json'),
  mastodonToken: MASTODON_TOKEN,
  x: fixture('x-mentions.json'),
  xToken: X_TOKEN,
  /** Largest page served, whatever the client asked (forces pagination). */
  pageSize: 100,
  /** [{path, status, body, headers, times}] answered before the real thing. */
  failures: [],
  calls: {},
  xPostsRead: 0,
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, {'Content-Type': 'application/json', ...headers});
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function newSession() {
  state.tokenSerial++;
  const accessJwt = `access-${state.tokenSerial}`;
  const refreshJwt = `refresh-${state.tokenSerial}`;
  state.access.add(accessJwt);
  state.refresh.add(refreshJwt);
  return {...BSKY_ACCOUNT, accessJwt, refreshJwt, active: true};
}

const bearer = req =>
  String(req.headers.authorization || '').replace(/^Bearer /, '');

/** The query as key → list of values (types[]=a&types[]=b). */
function queryOf(url) {
  const q = {};
  for (const [k, v] of new URL(url, 'http://x').searchParams) {
    (q[k] = q[k] || []).push(v);
  }
  return q;
}
const one = (q, k) => (q[k] ? q[k][0] : undefined);

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

function mastodon(req, res, path, q) {
  if (bearer(req) !== state.mastodonToken) {
    return send(res, 401, {error: 'The access token was revoked'});
  }
  if (path !== '/api/v1/notifications')
    return send(res, 404, {error: 'Record not found'});
  const types = q['types[]'];
  const limit = Math.min(Number(one(q, 'limit') || 40), state.pageSize);
  const minId = one(q, 'min_id');
  const big = id => BigInt(id);
  let list = state.mastodon
    .filter(n => !types || types.includes(n.type))
    .sort((a, b) => (big(b.id) > big(a.id) ? 1 : -1));
  if (minId !== undefined) {
    // The page just after min_id: the oldest ones above it, newest first.
    list = list.filter(n => big(n.id) > big(minId)).slice(-limit);
  } else {
    list = list.slice(0, limit);
  }
  const headers = {};
  if (list.length) {
    const self = `http://${req.headers.host}${path}`;
    headers.Link = `<${self}?max_id=${list[list.length - 1].id}>; rel="next", <${self}?min_id=${list[0].id}>; rel="prev"`;
  }
  return send(res, 200, list, headers);
}

function x(req, res, path, q) {
  if (bearer(req) !== state.xToken) {
    return send(res, 401, {
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
  }
  let m = /^\/2\/users\/by\/username\/([^/]+)$/.exec(path);
  if (m) {
    if (m[1].toLowerCase() === X_ORG.username)
      return send(res, 200, {data: X_ORG});
    return send(res, 200, {
      errors: [
        {
          value: m[1],
          detail: `Could not find user with username: [${m[1]}].`,
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'username',
          resource_id: m[1],
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    });
  }
  m = /^\/2\/users\/(\d+)\/mentions$/.exec(path);
  if (!m)
    return send(res, 404, {
      title: 'Not Found Error',
      type: 'about:blank',
      status: 404,
    });
  const max = Number(one(q, 'max_results') || 10);
  if (max < 5 || max > 100) {
    return send(res, 400, {
      title: 'Invalid Request',
      detail: 'max_results must be between 5 and 100',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    });
  }
  const since = one(q, 'since_id');
  const byId = (a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);
  const all = state.x.data
    .filter(t => !since || BigInt(t.id) > BigInt(since))
    .sort(byId);
  // The token names the last post served (opaque on X, stable the same way).
  const token = one(q, 'pagination_token');
  const older = all.filter(t => !token || BigInt(t.id) < BigInt(token));
  const size = Math.min(max, state.pageSize);
  const data = older.slice(0, size);
  state.xPostsRead += data.length;
  if (!data.length) return send(res, 200, {meta: {result_count: 0}});
  const authors = new Set(data.map(t => t.author_id));
  const meta = {
    result_count: data.length,
    newest_id: data[0].id,
    oldest_id: data[data.length - 1].id,
  };
  if (older.length > size) meta.next_token = data[data.length - 1].id;
  return send(res, 200, {
    data,
    includes: {users: state.x.includes.users.filter(u => authors.has(u.id))},
    meta,
  });
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    const path = req.url.split('?')[0];
    const q = queryOf(req.url);
    state.calls[path] = (state.calls[path] || 0) + 1;
    const failure = state.failures.find(
      f => path.endsWith(f.path) && f.times > 0,
    );
    if (failure && failure.skip > 0) failure.skip--;
    else if (failure) {
      failure.times--;
      return send(res, failure.status, failure.body, failure.headers);
    }
    if (path.startsWith('/xrpc/')) return bluesky(req, res, path, q, body);
    if (path.startsWith('/api/v1/')) return mastodon(req, res, path, q);
    if (path.startsWith('/2/')) return x(req, res, path, q);
    return send(res, 404, {error: 'not found'});
  });
});

const commands = {
  /** New notifications/mentions arrive (newest first, like the feeds). */
  addBluesky: ({notifications}) => state.bsky.unshift(...notifications),
  addMastodon: ({notifications}) => state.mastodon.push(...notifications),
  addX: ({posts, users}) => {
    state.x.data.unshift(...posts);
    state.x.includes.users.push(...(users || []));
  },
  expireAccess: () => state.access.clear(),
  expireAll: () => {
    state.access.clear();
    state.refresh.clear();
  },
  revokeAppPassword: () => {
    state.bskyPassword = 'zzzz-zzzz-zzzz-zzzz';
    state.access.clear();
    state.refresh.clear();
  },
  revokeMastodon: () => (state.mastodonToken = 'revoked'),
  revokeX: () => (state.xToken = 'revoked'),
  pageSize: ({size}) => (state.pageSize = size),
  /** After `skip` calls, answer the next `times` calls to a path ending like `path` with this. */
  fail: f => state.failures.push({headers: {}, times: 1, skip: 0, ...f}),
  calls: () => ({...state.calls}),
  xPostsRead: () => state.xPostsRead,
};

parentPort.on('message', ({id, cmd, args}) => {
  parentPort.postMessage({id, result: commands[cmd](args || {})});
});

server.listen(0, '127.0.0.1', () =>
  parentPort.postMessage({port: server.address().port}),
);
