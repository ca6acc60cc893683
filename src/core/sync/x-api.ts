/**
 * X API v2: GET /2/users/{id}/mentions pages turned into events, and what
 * its errors mean. Empty fields are omitted; newer docs rename
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

export interface MentionsPage {
  items: {stamp: string; value: SyncedEvent}[];
  next: string;
  /** Posts the page cost (the budget counts these). */
  read: number;
}

/** One mentions response. */
export function parseMentions(body: unknown): MentionsPage {
  const o = objectOf(body);
  const users = new Map<string, Record<string, unknown>>();
  for (const u of arrayOf(objectOf(o.includes).users)) {
    const user = objectOf(u);
    users.set(stringOf(user.id), user);
  }
  const data = arrayOf(o.data);
  const page: MentionsPage = {
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
    const refs = arrayOf(post.referenced_tweets ?? post.referenced_posts);
    const kind =
      refs
        .map(r => KIND_OF_REFERENCE[stringOf(objectOf(r).type)])
        .find(Boolean) ?? 'mention';
    const user = users.get(authorId) ?? {};
    const username = stringOf(user.username);
    const person = xPerson(authorId, username, stringOf(user.name));
    page.items.push({
      stamp: id,
      value: {
        person,
        direction: 'inbound',
        kind,
        when,
        eventId: `x:${kind}:${id}`,
        link: `https://x.com/${username || 'i/web'}/status/${id}`,
        text: kind === 'retweet' ? '' : excerpt(post.text),
        source: 'x',
      },
    });
  }
  return page;
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
    return `X refused to show the mentions${detail ? ` ("${detail}")` : ''}. Check that the app has access to the v2 mentions endpoint.`;
  }
  if (status >= 500) {
    return 'X is not answering right now (the API had a problem). The next sync continues where this one stopped.';
  }
  return `X answered with an error (${status}${title ? `, ${title}` : ''}). The next sync tries again.`;
}
