/**
 * Who follows our own accounts: the pages of Bluesky's
 * app.bsky.graph.getFollowers (`{subject, cursor?, followers: [profileView]}`,
 * no cursor on the last page) and Mastodon's /api/v1/accounts/:id/followers
 * (an array of Accounts, the next page named by the Link header's
 * rel="next" `max_id`), as people. Handle finding starts from them.
 */
import {arrayOf, objectOf, PersonSeen, stringOf} from './events';
import {personOf as blueskyPerson} from './bluesky';
import {personOf as mastodonPerson} from './mastodon';

export interface FollowerPage {
  people: PersonSeen[];
  /** Where the next page starts ('' on the last one). */
  next: string;
}

/** One getFollowers response. */
export function parseBlueskyFollowers(body: unknown): FollowerPage {
  const o = objectOf(body);
  return {
    people: arrayOf(o.followers)
      .map(blueskyPerson)
      .filter((p): p is PersonSeen => p !== null),
    next: stringOf(o.cursor),
  };
}

/**
 * One followers response of a Mastodon server and its Link header. The Link
 * is read for its `max_id` only: the next request is built on the API
 * address we were given, whatever host the server names in the header.
 */
export function parseMastodonFollowers(
  body: unknown,
  link: string,
  ourHost: string,
): FollowerPage {
  const people = arrayOf(body)
    .map(account => mastodonPerson(account, ourHost))
    .filter((p): p is PersonSeen => p !== null);
  // Mastodon links a next page whenever a page is full; an empty page ends.
  return {people, next: people.length ? nextMaxId(link) : ''};
}

/** The `max_id` of a Link header's rel="next" address, or ''. */
export function nextMaxId(link: string): string {
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part);
    if (!m) continue;
    // Mastodon ids are numbers written as strings.
    return /[?&]max_id=(\d+)/.exec(m[1])?.[1] ?? '';
  }
  return '';
}

/** The `id` of a Mastodon Account (accounts/lookup), or ''. */
export const accountIdOf = (account: unknown) => stringOf(objectOf(account).id);
