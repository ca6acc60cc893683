// A fake Mastodon instance (SOURCES.md): notifications with Link paging.
const {state, send, bearer, one} = require('./fake-shared');

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

module.exports = {mastodon};
