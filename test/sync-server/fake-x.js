// A fake X API v2 (SOURCES.md): users by name, mentions with since_id and
// pagination tokens, posts read counted for the budget tests.
const {state, send, bearer, one} = require('./fake-shared');

const X_ORG = {id: '1000', name: 'Tiger Sanctuary', username: 'tigers'};

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

module.exports = {x};
