// What the fake networks share: one state (steered by the test through
// fake-networks.js), fixtures, and small HTTP helpers.
const {readFileSync} = require('node:fs');
const {join} = require('node:path');

const FIXTURES = join(__dirname, '..', 'fixtures', 'sync');
const fixture = name => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const state = {
  bskyPassword: 'abcd-efgh-ijkl-mnop',
  access: new Set(),
  refresh: new Set(),
  tokenSerial: 0,
  bsky: fixture('bluesky-notifications.json').notifications,
  mastodon: fixture('mastodon-notifications.json'),
  mastodonToken: 'masto-token-1',
  x: fixture('x-mentions.json'),
  xToken: 'x-bearer-1',
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

module.exports = {state, fixture, send, bearer, queryOf, one};
