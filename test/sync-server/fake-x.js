// A fake X API v2 (SOURCES.md): users by name, mentions with since_id and
// pagination tokens, our own recent posts with live public_metrics, and who
// retweeted or quoted them. Posts and users served are counted for the
// budget tests, as X bills them.
const {state, fixture, send, bearer, one} = require('./fake-shared');

const X_ORG = {id: '1000', name: 'Tiger Sanctuary', username: 'tigers'};

/** Our posts, and per post id the payloads of its retweeters and quotes. */
const own = {
  posts: fixture('x-user-posts.json').data,
  engagement: fixture('x-engagement.json'),
  usersRead: 0,
};

const byNewest = (a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);

const problem = (res, status, title, detail, type) =>
  send(res, status, {
    title,
    ...(detail ? {detail} : {}),
    type,
    ...(status === 404 ? {status} : {}),
  });

/** max_results outside [min, max] is a 400, as on X. */
function pageSize(res, q, min, max, fallback) {
  const size = Number(one(q, 'max_results') || fallback);
  if (size >= min && size <= max) return Math.min(size, state.pageSize);
  problem(
    res,
    400,
    'Invalid Request',
    `The \`max_results\` query parameter value [${size}] is not between ${min} and ${max}`,
    'https://api.twitter.com/2/problems/invalid-request',
  );
  return 0;
}

/**
 * A page of `list` after the pagination token (an offset here; opaque on
 * X), with `meta.next_token` when more remain.
 */
function page(list, q, size) {
  const from = Number(one(q, 'pagination_token') || 0);
  const data = list.slice(from, from + size);
  const meta = {result_count: data.length};
  if (from + size < list.length) meta.next_token = String(from + size);
  return {data, meta};
}

function userNotFound(res, name) {
  return send(res, 200, {
    errors: [
      {
        value: name,
        detail: `Could not find user with username: [${name}].`,
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'username',
        resource_id: name,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ],
  });
}

function mentions(res, q) {
  const max = pageSize(res, q, 5, 100, 10);
  if (!max) return;
  const since = one(q, 'since_id');
  const all = state.x.data
    .filter(t => !since || BigInt(t.id) > BigInt(since))
    .sort(byNewest);
  // The token names the last post served (opaque on X, stable the same way).
  const token = one(q, 'pagination_token');
  const older = all.filter(t => !token || BigInt(t.id) < BigInt(token));
  const data = older.slice(0, max);
  state.xPostsRead += data.length;
  if (!data.length) return send(res, 200, {meta: {result_count: 0}});
  const authors = new Set(data.map(t => t.author_id));
  const meta = {
    result_count: data.length,
    newest_id: data[0].id,
    oldest_id: data[data.length - 1].id,
  };
  if (older.length > max) meta.next_token = data[data.length - 1].id;
  return send(res, 200, {
    data,
    includes: {users: state.x.includes.users.filter(u => authors.has(u.id))},
    meta,
  });
}

const engagementOf = id =>
  own.engagement[id] || {
    retweeted_by: {meta: {result_count: 0}},
    quote_tweets: {meta: {result_count: 0}},
  };

/** /2/users/{id}/tweets: public_metrics follow the retweets and quotes served. */
function userPosts(res, q) {
  const size = pageSize(res, q, 5, 100, 10);
  if (!size) return;
  const start = one(q, 'start_time');
  if (start !== undefined && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(start)) {
    return problem(
      res,
      400,
      'Invalid Request',
      `Invalid 'start_time':'${start}'. 'start_time' must be a date in the format YYYY-MM-DDTHH:mm:ssZ.`,
      'https://api.twitter.com/2/problems/invalid-request',
    );
  }
  const list = own.posts
    .filter(p => !start || p.created_at >= start)
    .sort(byNewest)
    .map(p => {
      const e = engagementOf(p.id);
      return {
        ...p,
        public_metrics: {
          ...p.public_metrics,
          retweet_count: (e.retweeted_by.data || []).length,
          quote_count: (e.quote_tweets.data || []).length,
        },
      };
    });
  const {data, meta} = page(list, q, size);
  state.xPostsRead += data.length;
  if (!data.length) return send(res, 200, {meta: {result_count: 0}});
  meta.newest_id = data[0].id;
  meta.oldest_id = data[data.length - 1].id;
  return send(res, 200, {data, meta});
}

function retweetedBy(res, q, id) {
  const size = pageSize(res, q, 1, 100, 100);
  if (!size) return;
  const {data, meta} = page(engagementOf(id).retweeted_by.data || [], q, size);
  own.usersRead += data.length;
  return send(res, 200, data.length ? {data, meta} : {meta});
}

function quoteTweets(res, q, id) {
  const size = pageSize(res, q, 10, 100, 10);
  if (!size) return;
  const quotes = engagementOf(id).quote_tweets;
  const {data, meta} = page(quotes.data || [], q, size);
  state.xPostsRead += data.length;
  if (!data.length) return send(res, 200, {meta});
  const authors = new Set(data.map(t => t.author_id));
  return send(res, 200, {
    data,
    includes: {users: quotes.includes.users.filter(u => authors.has(u.id))},
    meta,
  });
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
    return m[1].toLowerCase() === X_ORG.username
      ? send(res, 200, {data: X_ORG})
      : userNotFound(res, m[1]);
  }
  if ((m = /^\/2\/users\/(\d+)\/mentions$/.exec(path))) return mentions(res, q);
  if ((m = /^\/2\/users\/(\d+)\/tweets$/.exec(path))) return userPosts(res, q);
  if ((m = /^\/2\/tweets\/(\d+)\/retweeted_by$/.exec(path))) {
    return retweetedBy(res, q, m[1]);
  }
  if ((m = /^\/2\/tweets\/(\d+)\/quote_tweets$/.exec(path))) {
    return quoteTweets(res, q, m[1]);
  }
  return problem(res, 404, 'Not Found Error', '', 'about:blank');
}

const commands = {
  /** Someone retweets one of our posts (its retweet_count grows). */
  addXRetweeter: ({postId, user}) => {
    const e = (own.engagement[postId] ||= engagementOf(postId));
    (e.retweeted_by.data ||= []).unshift(user);
  },
  xUsersRead: () => own.usersRead,
};

module.exports = {x, commands};
