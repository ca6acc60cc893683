// A fake Mastodon instance (SOURCES.md): notifications with Link paging,
// account lookup, and our followers with Link paging.
const {state, fixture, send, bearer, one} = require('./fake-shared');

/** Our own account, as accounts/lookup returns it. */
const OUR_ACCOUNT = {
  id: '109000000000000001',
  username: 'tigers',
  acct: 'tigers',
  display_name: 'Tiger Sanctuary',
  url: 'https://mastodon.example/@tigers',
};
const OUR_HOST = 'mastodon.example';
const FOLLOWERS_PATH = `/api/v1/accounts/${OUR_ACCOUNT.id}/followers`;

const own = {
  /** Accounts following ours, newest first. */
  followers: fixture('mastodon-followers.json'),
  /** What the token may read (the README asks for read:notifications only). */
  scopes: ['read:notifications'],
  /** "Hide your social graph": only the owner sees the followers. */
  hidesFollowers: false,
};

function mastodon(req, res, path, q) {
  if (path === '/api/v1/accounts/lookup') return lookup(req, res, q);
  if (path === FOLLOWERS_PATH) return followers(req, res, q);
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

/**
 * Who is asking, as the accounts endpoints see it (authorize_if_got_token):
 * no token is the public; our token must carry read:accounts (403
 * otherwise); any other token was revoked (401).
 */
function caller(req, res) {
  const token = bearer(req);
  if (!token) return 'public';
  if (token !== state.mastodonToken) {
    send(res, 401, {error: 'The access token was revoked'});
    return null;
  }
  if (!own.scopes.some(s => s === 'read' || s === 'read:accounts')) {
    send(res, 403, {error: 'This action is outside the authorized scopes'});
    return null;
  }
  return 'owner';
}

function lookup(req, res, q) {
  if (!caller(req, res)) return;
  const acct = String(one(q, 'acct') || '')
    .replace(/^@/, '')
    .toLowerCase();
  if (acct !== OUR_ACCOUNT.acct && acct !== `${OUR_ACCOUNT.acct}@${OUR_HOST}`) {
    return send(res, 404, {error: 'Record not found'});
  }
  return send(res, 200, {
    ...OUR_ACCOUNT,
    followers_count: own.followers.length,
  });
}

/**
 * Our followers, newest follow first, paged by the Follow's id (not the
 * account's): `max_id` in the Link header's rel="next", which Mastodon sends
 * whenever a page is full. Follow ids count from the oldest follower, so new
 * followers do not shift them.
 */
function followers(req, res, q) {
  const who = caller(req, res);
  if (!who) return;
  const limit = Math.min(Number(one(q, 'limit') || 40), 80, state.pageSize);
  const all = own.followers;
  const followId = i => String(7_000_000 + all.length - i);
  const maxId = Number(one(q, 'max_id') || Infinity);
  const hidden = own.hidesFollowers && who !== 'owner';
  const from = all.findIndex((_, i) => Number(followId(i)) < maxId);
  const page = hidden || from < 0 ? [] : all.slice(from, from + limit);
  const headers = {};
  if (page.length) {
    const self = `http://${req.headers.host}${FOLLOWERS_PATH}?limit=${limit}`;
    const last = followId(from + page.length - 1);
    const prev = `<${self}&since_id=${followId(from)}>; rel="prev"`;
    headers.Link =
      page.length === limit
        ? `<${self}&max_id=${last}>; rel="next", ${prev}`
        : prev;
  }
  return send(res, 200, page, headers);
}

const commands = {
  mastodonScopes: ({scopes}) => (own.scopes = scopes),
  hideMastodonFollowers: () => (own.hidesFollowers = true),
};

module.exports = {mastodon, commands};
