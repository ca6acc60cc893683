// Fake Bluesky PDS, Mastodon server and X API v2 on 127.0.0.1, in a worker
// thread (UrlFetchApp blocks the test's thread while it waits). Payloads
// come from test/fixtures/sync, shaped like the real APIs (SOURCES.md). The
// test steers it with messages: add events, expire or revoke credentials,
// fail the next calls (e.g. 429 with rate-limit headers), read call counts.
const http = require('node:http');
const {parentPort} = require('node:worker_threads');
const {state, send, queryOf} = require('./fake-shared');
const {bluesky, commands: blueskyCommands} = require('./fake-bluesky');
const {mastodon, commands: mastodonCommands} = require('./fake-mastodon');
const {x, commands: xCommands} = require('./fake-x');

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
  /** New Bluesky notifications arrive (newest first, like the feed). */
  addBluesky: ({notifications}) => state.bsky.unshift(...notifications),
  expireAccess: () => state.access.clear(),
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
  ...blueskyCommands,
  ...mastodonCommands,
  ...xCommands,
};

parentPort.on('message', ({id, cmd, args}) => {
  parentPort.postMessage({id, result: commands[cmd](args || {})});
});

server.listen(0, '127.0.0.1', () =>
  parentPort.postMessage({port: server.address().port}),
);
