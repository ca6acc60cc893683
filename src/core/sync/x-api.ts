/**
 * X API v2: mentions, and who retweeted or quoted our recent posts, turned
 * into events; and what X's errors mean. Empty fields are omitted; newer docs rename
 * `referenced_tweets` to `referenced_posts`: both spellings are read.
 */
import {
  arrayOf,
  excerpt,
  objectOf,
  parseTimestamp,
  PersonSeen,
  stringOf,
  SyncedEvent,
} from './events';

export const DEFAULT_X_API = 'https://api.x.com';

const KIND_OF_REFERENCE: Record<string, string> = {
  replied_to: 'reply',
  quoted: 'quote',
  retweeted: 'retweet',
};

export function xProfileUrl(username: string): string {
  return `https://x.com/${username}`;
}

export function xPerson(
  id: string,
  username: string,
  name: string,
): PersonSeen {
  return {
    network: 'x',
    id,
    handle: username.toLowerCase(),
    name,
    profileUrl: username ? xProfileUrl(username) : `https://x.com/i/user/${id}`,
  };
}

export interface PostsPage {
  items: {stamp: string; value: SyncedEvent}[];
  next: string;
  /** Posts the page cost (the budget counts these). */
  read: number;
}

/** The users of a response's `includes`, by id. */
function includedUsers(body: Record<string, unknown>) {
  const users = new Map<string, Record<string, unknown>>();
  for (const u of arrayOf(objectOf(body.includes).users)) {
    const user = objectOf(u);
    users.set(stringOf(user.id), user);
  }
  return users;
}

/**
 * One page of posts by others: mentions, or the quotes of one of our posts
 * (`kind` 'quote'). A retweet is keyed by the post it repeats and who
 * retweeted it, as the retweeters lookup keys it, so that finding it both
 * ways logs it once.
 */
export function parsePosts(body: unknown, kind?: 'quote'): PostsPage {
  const o = objectOf(body);
  const users = includedUsers(o);
  const data = arrayOf(o.data);
  const page: PostsPage = {
    items: [],
    next: stringOf(objectOf(o.meta).next_token),
    read: data.length,
  };
  for (const item of data) {
    const post = objectOf(item);
    const id = stringOf(post.id);
    const authorId = stringOf(post.author_id);
    const when = parseTimestamp(post.created_at);
    if (!id || !authorId || !when) continue;
    const refs = arrayOf(post.referenced_tweets ?? post.referenced_posts).map(
      objectOf,
    );
    const ref = refs.find(r => KIND_OF_REFERENCE[stringOf(r.type)]);
    const postKind =
      kind ?? (ref ? KIND_OF_REFERENCE[stringOf(ref.type)] : 'mention');
    const user = users.get(authorId) ?? {};
    const username = stringOf(user.username);
    const person = xPerson(authorId, username, stringOf(user.name));
    const repeated = postKind === 'retweet' && ref ? stringOf(ref.id) : '';
    page.items.push({
      stamp: id,
      value: {
        person,
        direction: 'inbound',
        kind: postKind,
        when,
        eventId: repeated
          ? retweetEventId(repeated, authorId)
          : `x:${postKind}:${id}`,
        link: `https://x.com/${username || 'i/web'}/status/${id}`,
        text: postKind === 'retweet' ? '' : excerpt(post.text),
        source: 'x',
      },
    });
  }
  return page;
}

const retweetEventId = (postId: string, userId: string) =>
  `x:retweet:${postId}-${userId}`;

// ---- Who reposted or quoted our recent posts ---------------------------------

/** One of our own recent posts, with the counts that tell whether to look closer. */
export interface OwnPost {
  id: string;
  retweets: number;
  quotes: number;
}

/** /2/users/{id}/tweets with `tweet.fields=public_metrics` (newer docs say `repost_count`). */
export function parseOwnPosts(body: unknown): {
  posts: OwnPost[];
  next: string;
  read: number;
} {
  const o = objectOf(body);
  const data = arrayOf(o.data);
  const count = (m: Record<string, unknown>, ...names: string[]) =>
    Number(names.map(n => m[n]).find(v => v !== undefined) ?? 0) || 0;
  return {
    posts: data
      .map(objectOf)
      .filter(p => stringOf(p.id))
      .map(p => {
        const metrics = objectOf(p.public_metrics);
        return {
          id: stringOf(p.id),
          retweets: count(metrics, 'retweet_count', 'repost_count'),
          quotes: count(metrics, 'quote_count'),
        };
      }),
    next: stringOf(objectOf(o.meta).next_token),
    read: data.length,
  };
}

/** What the last sync saw of each recent post: [retweets, quotes] counted. */
export type SeenCounts = Record<string, [number, number]>;

/**
 * The lookups worth paying for: only posts whose retweet or quote count grew
 * since the last sync (X charges for every user and post a lookup returns).
 */
export function lookupsDue(
  posts: readonly OwnPost[],
  seen: SeenCounts,
): {id: string; retweeters: boolean; quotes: boolean}[] {
  return posts
    .map(p => ({
      id: p.id,
      retweeters: p.retweets > (seen[p.id]?.[0] ?? 0),
      quotes: p.quotes > (seen[p.id]?.[1] ?? 0),
    }))
    .filter(p => p.retweeters || p.quotes);
}

/**
 * /2/tweets/{id}/retweeted_by: users, no times. The retweet is dated `when`,
 * the sync that first sees it (a day late at most when the daily run syncs).
 */
export function parseRetweeters(
  body: unknown,
  post: {id: string; link: string},
  when: Date,
): {events: SyncedEvent[]; next: string; users: number} {
  const o = objectOf(body);
  const data = arrayOf(o.data).map(objectOf);
  const events: SyncedEvent[] = [];
  for (const user of data) {
    const id = stringOf(user.id);
    if (!id) continue;
    events.push({
      person: xPerson(id, stringOf(user.username), stringOf(user.name)),
      direction: 'inbound',
      kind: 'retweet',
      when,
      eventId: retweetEventId(post.id, id),
      link: post.link,
      text: '',
      source: 'x',
    });
  }
  return {
    events,
    next: stringOf(objectOf(o.meta).next_token),
    users: data.length,
  };
}

/** /2/users/by/username/{name}: the user, or null (unknown users come back as 200 with `errors`). */
export function parseUser(
  body: unknown,
): {id: string; username: string} | null {
  const data = objectOf(objectOf(body).data);
  const id = stringOf(data.id);
  return id ? {id, username: stringOf(data.username)} : null;
}

/** What an X API error means for the person who connected it. */
export function xProblem(status: number, body: unknown): string {
  const o = objectOf(body);
  const title = stringOf(o.title);
  const detail = stringOf(o.detail);
  if (status === 401) {
    return 'X does not accept the bearer token any more (it was revoked or regenerated). Copy the new one from the X developer console and connect again (Social CRM › Connect accounts…).';
  }
  if (
    status === 402 ||
    (status === 429 && /cap|credit/i.test(`${title} ${detail}`))
  ) {
    return 'Your X API account has used up its credits or its usage cap. Add credits in the X developer console; the next sync continues where this one stopped.';
  }
  if (status === 429) {
    return 'X asked us to slow down (rate limit). The next sync continues where this one stopped.';
  }
  if (status === 403) {
    return `X refused the request${detail ? ` ("${detail}")` : ''}. Check that your X app has access to the v2 mentions, user posts, retweeted_by and quote_tweets endpoints.`;
  }
  if (status >= 500) {
    return 'X is not answering right now (the API had a problem). The next sync continues where this one stopped.';
  }
  return `X answered with an error (${status}${title ? `, ${title}` : ''}). The next sync tries again.`;
}
